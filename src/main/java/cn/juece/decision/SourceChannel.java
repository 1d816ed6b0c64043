package cn.juece.decision;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * How a proposal reached the decision organ (Art. 11): NPC deputies through a motion or suggestion, CPPCC
 * members through a proposal or suggestion (议案、建议、提案), the public in writing (书面). Stored as its
 * Chinese label, accepted as code or label.
 */
public enum SourceChannel {
    MOTION("议案"),
    SUGGESTION("建议"),
    PROPOSAL("提案"),
    WRITING("书面");

    private final String label;

    SourceChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<SourceChannel> parse(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        String t = s.strip();
        return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(t) || c.label.equals(t)).findFirst();
    }

    /** The channels Art. 11 names for a source; empty when the source has none to record. */
    public static Set<SourceChannel> allowedFor(ProposalSource source) {
        return switch (source) {
            case NPC_DEPUTY -> Set.of(MOTION, SUGGESTION);
            case CPPCC_MEMBER -> Set.of(PROPOSAL, SUGGESTION);
            case PUBLIC -> Set.of(WRITING);
            default -> Set.of();
        };
    }
}
