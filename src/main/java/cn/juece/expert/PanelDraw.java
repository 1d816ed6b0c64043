package cn.juece.expert;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import cn.juece.support.Hashes;

/**
 * The random draw of an expert panel (Art. 31), reproducible from its seed: pure Java, no database, so that anyone
 * holding the seed, the candidate list (ids in order, each with its type and fields as they were) and the matter's
 * fields gets the same panel again.
 * <p>
 * The order of the draw is the candidates sorted by SHA-256(seed + ":" + id) (hex, ascending). In that order the
 * panel is filled so that every constraint of Art. 31 holds: the fields of the matter are covered first (each time
 * the industry expert covering the most fields still uncovered, the first in the order among equals), then one
 * legal expert if the panel has none, then industry experts up to a majority, then anyone in the order while the
 * industry majority stays. An industry expert whose fields do not meet the matter's is never drawn (专业特长应当与决策事项
 * 相符合). Experts already on the panel (a replacement draw) count toward every constraint.
 */
public final class PanelDraw {

    /** 行业专家 (industry or technical) or 法律专家 (Art. 31). */
    public enum Type {
        INDUSTRY("行业、技术专家"), LEGAL("法律专家");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One expert as the draw sees them: id, type, fields (names). */
    public record Candidate(long id, Type type, Set<String> fields) {
    }

    /** A constraint that does not hold: its stable code and the Chinese sentence naming what is lacking. */
    public record Problem(String code, String message) {
    }

    /** The experts drawn (ids in the order drawn), or the first constraint that cannot be met. */
    public record Result(List<Long> drawn, Problem problem) {

        public boolean ok() {
            return problem == null;
        }
    }

    private PanelDraw() {
    }

    /** Art. 31: generally at least 5 experts; at least 7 for a broad, controversial, very complex or sensitive matter. */
    public static int minimum(boolean complex) {
        return complex ? 7 : 5;
    }

    /** The fewest industry experts that are a majority of a panel of this size. */
    public static int industryMajority(int size) {
        return size / 2 + 1;
    }

    /** Whether the expert's specialty meets the matter (a legal expert always; an industry expert by a shared field). */
    public static boolean matches(Candidate c, Set<String> matterFields) {
        return c.type() == Type.LEGAL || matterFields.isEmpty() || c.fields().stream().anyMatch(matterFields::contains);
    }

    /** The draw's order: the candidates sorted by SHA-256(seed + ":" + id). */
    public static List<Candidate> order(String seed, List<Candidate> candidates) {
        return candidates.stream().sorted(Comparator.comparing((Candidate c) -> Hashes.sha256(seed + ":" + c.id()))
                .thenComparingLong(Candidate::id)).toList();
    }

    /**
     * Draws experts from the eligible candidates so that, with those already on the panel, the panel has {@code size}
     * members and every constraint of Art. 31 holds.
     *
     * @param eligible the candidates that may be drawn (active, without a direct interest, not rotated out), any order
     * @param kept     the experts already on the panel (a replacement draw), empty for a first draw
     */
    public static Result draw(String seed, List<Candidate> eligible, List<Candidate> kept, int size, Set<String> matterFields) {
        Set<Long> keptIds = new LinkedHashSet<>();
        kept.forEach(k -> keptIds.add(k.id()));
        List<Candidate> order = order(seed, eligible.stream()
                .filter(c -> !keptIds.contains(c.id()) && matches(c, matterFields)).toList());
        List<Candidate> industry = order.stream().filter(c -> c.type() == Type.INDUSTRY).toList();
        List<Candidate> legal = order.stream().filter(c -> c.type() == Type.LEGAL).toList();
        long keptLegal = kept.stream().filter(c -> c.type() == Type.LEGAL).count();
        long keptIndustry = kept.size() - keptLegal;
        int majority = industryMajority(size);
        int maxLegal = size - majority;

        if (keptLegal + legal.size() < 1) {
            return failure("EXPERT_LEGAL_INSUFFICIENT", "法律专家不足：论证专家应当包括法律专家（第三十一条），池中符合条件的法律专家" + legal.size() + "人");
        }
        if (keptIndustry + industry.size() < majority || keptLegal > maxLegal) {
            return failure("EXPERT_INDUSTRY_INSUFFICIENT", "行业专家不足：论证专家以行业专家为主（第三十一条），" + size + "人中至少"
                    + majority + "人，池中符合条件的行业专家" + industry.size() + "人" + (kept.isEmpty() ? "" : "（已在专家组中" + keptIndustry + "人）"));
        }
        Set<String> uncovered = new TreeSet<>(matterFields);
        kept.stream().filter(c -> c.type() == Type.INDUSTRY).forEach(c -> uncovered.removeAll(c.fields()));
        for (String f : uncovered) {
            if (industry.stream().noneMatch(c -> c.fields().contains(f))) {
                return failure("EXPERT_FIELD_UNCOVERED", "专业领域未覆盖：决策事项涉及“" + f + "”领域（第三十一条），池中符合条件的该领域行业专家0人");
            }
        }
        long available = kept.size() + industry.size() + Math.min(legal.size(), Math.max(0, maxLegal - keptLegal));
        if (available < size) {
            return failure("EXPERT_POOL_INSUFFICIENT", "专家人数不足：本次论证需要" + size + "人（第三十一条），池中符合条件的专家" + available
                    + "人" + (kept.isEmpty() ? "" : "（含已在专家组中的" + kept.size() + "人）"));
        }

        List<Candidate> chosen = new ArrayList<>();
        // 1. Every field of the matter covered by someone's fields.
        while (!uncovered.isEmpty()) {
            Candidate best = null;
            long bestCover = 0;
            for (Candidate c : industry) {
                long cover = c.fields().stream().filter(uncovered::contains).count();
                if (!chosen.contains(c) && cover > bestCover) {
                    best = c;
                    bestCover = cover;
                }
            }
            chosen.add(best);
            uncovered.removeAll(best.fields());
        }
        if (kept.size() + chosen.size() + (keptLegal == 0 ? 1 : 0) > size) {
            return failure("EXPERT_FIELDS_EXCEED_PANEL", "专业领域过多：覆盖决策事项全部" + matterFields.size() + "个领域所需的行业专家加上法律专家，超过本次论证的"
                    + size + "人，请增加论证专家人数（第三十一条）");
        }
        // 2. At least one legal expert.
        if (keptLegal == 0) {
            chosen.add(legal.get(0));
        }
        // 3. Industry experts the majority.
        for (Candidate c : industry) {
            if (keptIndustry + count(chosen, Type.INDUSTRY) >= majority) {
                break;
            }
            if (!chosen.contains(c)) {
                chosen.add(c);
            }
        }
        // 4. The rest in the draw's order, the majority kept.
        for (Candidate c : order) {
            if (kept.size() + chosen.size() >= size) {
                break;
            }
            if (chosen.contains(c)) {
                continue;
            }
            if (c.type() == Type.LEGAL && keptLegal + count(chosen, Type.LEGAL) >= maxLegal) {
                continue;
            }
            chosen.add(c);
        }
        return new Result(chosen.stream().map(Candidate::id).toList(), null);
    }

    /**
     * What the panel lacks now (Art. 31), each as a problem; empty when it holds: at least {@code minimum} experts,
     * at least one legal expert, industry experts the majority, every field of the matter covered by an industry
     * expert's fields, every industry expert's specialty meeting the matter.
     */
    public static List<Problem> check(List<Candidate> panel, int minimum, Set<String> matterFields) {
        List<Problem> problems = new ArrayList<>();
        long legal = count(panel, Type.LEGAL);
        long industry = panel.size() - legal;
        if (panel.size() < minimum) {
            problems.add(new Problem("EXPERT_PANEL_TOO_SMALL", "参加论证的专家" + panel.size() + "人，一般不少于" + minimum
                    + "人（第三十一条）"));
        }
        if (legal < 1) {
            problems.add(new Problem("EXPERT_LEGAL_INSUFFICIENT", "论证专家应当包括法律专家（第三十一条），现有法律专家0人"));
        }
        if (industry * 2 <= panel.size()) {
            problems.add(new Problem("EXPERT_INDUSTRY_INSUFFICIENT", "论证专家以行业专家为主（第三十一条），现有行业专家" + industry + "人、法律专家"
                    + legal + "人"));
        }
        Set<String> uncovered = new TreeSet<>(matterFields);
        panel.stream().filter(c -> c.type() == Type.INDUSTRY).forEach(c -> uncovered.removeAll(c.fields()));
        if (!uncovered.isEmpty()) {
            problems.add(new Problem("EXPERT_FIELD_UNCOVERED", "决策事项涉及的领域应当有相应领域的专家参与论证（第三十一条），尚未覆盖：" + String.join("、", uncovered)));
        }
        List<Long> mismatched = panel.stream().filter(c -> !matches(c, matterFields)).map(Candidate::id).toList();
        if (!mismatched.isEmpty()) {
            problems.add(new Problem("EXPERT_FIELD_MISMATCH", "行业专家的专业特长应当与决策事项相符合（第三十一条），不符合的专家编号：" + mismatched));
        }
        return problems;
    }

    /** One past draw as the rotation sees it: the day of the draw and who it drew. */
    public record PastDraw(LocalDate drawnOn, Set<Long> drawn) {
    }

    /**
     * The rotation (动态管理, Art. 32): experts drawn in any of the latest {@code recentDraws} draws, or in a draw within
     * the last {@code months} months before {@code today}, sit the next draw out (0 turns either rule off).
     *
     * @param history past draws, newest first
     */
    public static Set<Long> rotatedOut(List<PastDraw> history, int recentDraws, int months, LocalDate today) {
        Set<Long> out = new LinkedHashSet<>();
        for (int i = 0; i < history.size(); i++) {
            PastDraw d = history.get(i);
            if (i < recentDraws || months > 0 && d.drawnOn().isAfter(today.minusMonths(months))) {
                out.addAll(d.drawn());
            }
        }
        return out;
    }

    private static long count(List<Candidate> list, Type type) {
        return list.stream().filter(c -> c.type() == type).count();
    }

    private static Result failure(String code, String message) {
        return new Result(List.of(), new Problem(code, message));
    }
}
