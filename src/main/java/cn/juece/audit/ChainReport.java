package cn.juece.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of verifying one chain: how many entries it holds, whether it is intact, and if not the first
 * broken entry (its id when the row exists, its sequence number, a stable code and what is wrong in Chinese).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainReport(String chain, long entries, boolean intact, Broken firstBroken, String lastHash) {

    /** The first entry at which the chain does not hold; {@code id} is null for an entry that is gone. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Broken(Long id, Long seq, String code, String problem) {
    }

    /** One short Chinese line: "完整（共42条，哈希链首尾相接）" or the first broken entry. */
    public String describe() {
        if (intact) {
            return entries == 0 ? "尚无记录" : "完整（共" + entries + "条，哈希链首尾相接）";
        }
        StringBuilder where = new StringBuilder();
        if (firstBroken.seq() != null) {
            where.append("第").append(firstBroken.seq()).append("条");
        }
        if (firstBroken.id() != null) {
            where.append("（记录号").append(firstBroken.id()).append("）");
        }
        return "发现问题（共" + entries + "条）：" + where + (where.isEmpty() ? "" : "，") + firstBroken.problem();
    }
}
