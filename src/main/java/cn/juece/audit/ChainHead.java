package cn.juece.audit;

/** A chain's head row: the sequence number and hash of its last entry (64 zeros and 0 before the first). */
public record ChainHead(String chainKey, long lastSeq, String lastHash) {
}
