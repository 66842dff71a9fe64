/// A tracking call as the server applies it: the event to record and its effect.
public struct SegmentInterpretation: Sendable, Equatable {
    public var event: IngestEvent
    public var effect: SegmentEffect

    public init(event: IngestEvent, effect: SegmentEffect) {
        self.event = event
        self.effect = effect
    }
}
