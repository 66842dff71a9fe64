extension DemoNames {
    static let englishFirst: [DemoNameEntry] = [
        "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth",
        "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
        "Christopher", "Emily", "Daniel", "Emma", "Matthew", "Olivia", "Anthony", "Sophia", "Mark", "Ava",
        "Andrew", "Isabella", "Joshua", "Mia", "Ryan", "Charlotte", "Benjamin", "Amelia", "Samuel", "Harper",
        "Oliver", "Grace", "Jack", "Chloe", "Liam", "Zoe", "Noah", "Hannah", "Ethan", "Lily",
        "Lucas", "Ella", "Henry", "Abigail", "Nathan", "Madison", "Dylan", "Natalie", "Owen", "Claire",
        "Leo", "Ruby", "Isaac", "Alice", "Caleb", "Evelyn", "George", "Harriet", "Alexander", "Victoria",
    ].map { DemoNameEntry(english: $0) }

    static let englishLast: [DemoNameEntry] = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee",
        "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King",
        "Wright", "Scott", "Hill", "Green", "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Roberts",
        "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart", "Murphy", "Cook",
        "Rogers", "Morgan", "Cooper", "Peterson", "Reed", "Bailey", "Bell", "Kelly", "Howard", "Ward",
        "Cox", "Richardson", "Wood", "Watson", "Brooks", "Bennett", "Gray", "Hughes", "Price", "Sanders",
        "Patel", "O'Brien", "Nguyen", "Kim", "Singh", "Walsh", "MacDonald", "Fraser", "Murray", "Byrne",
    ].map { DemoNameEntry(english: $0) }
}
