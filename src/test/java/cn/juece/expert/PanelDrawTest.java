package cn.juece.expert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.juece.expert.PanelDraw.Candidate;
import cn.juece.expert.PanelDraw.PastDraw;
import cn.juece.expert.PanelDraw.Type;

/**
 * The panel draw of Art. 31 as properties over many seeded draws on generated pools, without Spring: every panel
 * drawn holds every constraint; the same seed and candidates give the same panel; a pool that cannot give a panel
 * names the constraint that fails and what it lacks; the rotation keeps recent names out.
 */
class PanelDrawTest {

    static final List<String> FIELDS = List.of("价格管理", "能源", "城乡建设", "交通运输", "生态环境", "财政金融");

    /** A generated pool: ids from 1, types and fields at random (the random generator's seed fixes it). */
    static List<Candidate> pool(Random random, int size, double legalShare) {
        List<Candidate> pool = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            Type type = random.nextDouble() < legalShare ? Type.LEGAL : Type.INDUSTRY;
            Set<String> fields = new LinkedHashSet<>();
            int n = type == Type.LEGAL ? random.nextInt(2) : 1 + random.nextInt(3);
            for (int j = 0; j < n; j++) {
                fields.add(FIELDS.get(random.nextInt(FIELDS.size())));
            }
            pool.add(new Candidate(i, type, fields));
        }
        return pool;
    }

    static Set<String> matterFields(Random random) {
        Set<String> f = new LinkedHashSet<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            f.add(FIELDS.get(random.nextInt(FIELDS.size())));
        }
        return f;
    }

    static String seed(Random random) {
        return Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
    }

    @Test
    void everyPanelDrawnHoldsEveryConstraintOverManySeededDraws() {
        Random random = new Random(20241012L);
        int drawn = 0;
        int refused = 0;
        for (int trial = 0; trial < 3000; trial++) {
            List<Candidate> pool = pool(random, 4 + random.nextInt(40), random.nextDouble() * 0.5);
            Set<String> fields = matterFields(random);
            boolean complex = random.nextBoolean();
            int size = PanelDraw.minimum(complex) + random.nextInt(3);
            PanelDraw.Result r = PanelDraw.draw(seed(random), pool, List.of(), size, fields);
            if (!r.ok()) {
                refused++;
                assertThat(feasible(pool, size, fields)).as("refused a feasible pool: " + r.problem()).isFalse();
                continue;
            }
            drawn++;
            List<Candidate> panel = members(pool, r.drawn());
            assertThat(panel).as("no one twice").doesNotHaveDuplicates();
            assertThat(panel).hasSize(size);
            assertThat(PanelDraw.check(panel, PanelDraw.minimum(complex), fields)).as("constraints of " + panel).isEmpty();
            // the industry experts' specialties meet the matter, every field covered, legal expert present, majority
            assertThat(panel).filteredOn(c -> c.type() == Type.INDUSTRY)
                    .allMatch(c -> c.fields().stream().anyMatch(fields::contains));
            assertThat(panel.stream().filter(c -> c.type() == Type.LEGAL).count()).isBetween(1L, (long) size - PanelDraw.industryMajority(size));
            assertThat(feasible(pool, size, fields)).isTrue();
        }
        assertThat(drawn).as("draws that gave a panel").isGreaterThan(1000);
        assertThat(refused).as("draws refused for an impossible pool").isGreaterThan(100);
    }

    /**
     * Whether a panel exists, by counting (the generated matters have at most 3 fields, so covering them never needs
     * more industry experts than a panel of 5 has room for): enough legal experts, industry experts matching the
     * matter for a majority, each field offered by someone, enough people in all.
     */
    static boolean feasible(List<Candidate> pool, int size, Set<String> fields) {
        long legal = pool.stream().filter(c -> c.type() == Type.LEGAL).count();
        List<Candidate> industry = pool.stream().filter(c -> c.type() == Type.INDUSTRY && PanelDraw.matches(c, fields)).toList();
        boolean covered = fields.stream().allMatch(f -> industry.stream().anyMatch(c -> c.fields().contains(f)));
        int majority = PanelDraw.industryMajority(size);
        return legal >= 1 && industry.size() >= majority && covered
                && industry.size() + Math.min(legal, size - majority) >= size;
    }

    @Test
    void theSameSeedAndCandidatesGiveTheSamePanelWhateverTheirOrder() {
        Random random = new Random(7);
        for (int trial = 0; trial < 500; trial++) {
            List<Candidate> pool = pool(random, 12 + random.nextInt(30), 0.3);
            Set<String> fields = matterFields(random);
            String seed = seed(random);
            PanelDraw.Result first = PanelDraw.draw(seed, pool, List.of(), 5, fields);
            List<Candidate> shuffled = new ArrayList<>(pool);
            java.util.Collections.shuffle(shuffled, random);
            PanelDraw.Result again = PanelDraw.draw(seed, shuffled, List.of(), 5, fields);
            assertThat(again).isEqualTo(first);
        }
    }

    @Test
    void differentSeedsSpreadTheDrawOverThePool() {
        Random random = new Random(11);
        List<Candidate> pool = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            pool.add(new Candidate(i, i <= 6 ? Type.LEGAL : Type.INDUSTRY, Set.of("价格管理")));
        }
        Map<Long, Integer> times = new HashMap<>();
        for (int trial = 0; trial < 600; trial++) {
            PanelDraw.draw(seed(random), pool, List.of(), 5, Set.of("价格管理")).drawn().forEach(id -> times.merge(id, 1, Integer::sum));
        }
        assertThat(times.keySet()).as("everyone drawn at some time").hasSize(30);
        // 600 panels of 5 from 30: about 100 each; nobody drawn every time
        assertThat(times.values()).allMatch(n -> n > 30 && n < 300);
    }

    @Test
    void anImpossiblePoolNamesTheConstraintThatFailsAndWhatItLacks() {
        Set<String> price = Set.of("价格管理");
        List<Candidate> noLegal = List.of(ind(1, "价格管理"), ind(2, "价格管理"), ind(3, "价格管理"), ind(4, "价格管理"), ind(5, "价格管理"), ind(6, "价格管理"));
        var r = PanelDraw.draw("seed", noLegal, List.of(), 5, price);
        assertThat(r.ok()).isFalse();
        assertThat(r.problem().code()).isEqualTo("EXPERT_LEGAL_INSUFFICIENT");
        assertThat(r.problem().message()).startsWith("法律专家不足").contains("池中符合条件的法律专家0人", "第三十一条");

        List<Candidate> fewIndustry = List.of(ind(1, "价格管理"), ind(2, "价格管理"), legal(3), legal(4), legal(5), legal(6));
        r = PanelDraw.draw("seed", fewIndustry, List.of(), 5, price);
        assertThat(r.problem().code()).isEqualTo("EXPERT_INDUSTRY_INSUFFICIENT");
        assertThat(r.problem().message()).contains("行业专家不足", "5人中至少3人", "池中符合条件的行业专家2人");

        // industry experts of another field do not count: their specialty does not meet the matter
        List<Candidate> wrongField = List.of(ind(1, "价格管理"), ind(2, "能源"), ind(3, "能源"), ind(4, "能源"), legal(5), legal(6));
        r = PanelDraw.draw("seed", wrongField, List.of(), 5, price);
        assertThat(r.problem().code()).isEqualTo("EXPERT_INDUSTRY_INSUFFICIENT");
        assertThat(r.problem().message()).contains("池中符合条件的行业专家1人");

        List<Candidate> uncovered = List.of(ind(1, "价格管理"), ind(2, "价格管理"), ind(3, "价格管理"), ind(4, "价格管理"), legal(5), legal(6));
        r = PanelDraw.draw("seed", uncovered, List.of(), 5, Set.of("价格管理", "生态环境"));
        assertThat(r.problem().code()).isEqualTo("EXPERT_FIELD_UNCOVERED");
        assertThat(r.problem().message()).contains("“生态环境”领域", "0人");

        List<Candidate> tooFew = List.of(ind(1, "价格管理"), ind(2, "价格管理"), ind(3, "价格管理"), ind(4, "价格管理"), legal(5), legal(6));
        r = PanelDraw.draw("seed", tooFew, List.of(), 7, price);
        assertThat(r.problem().code()).isEqualTo("EXPERT_POOL_INSUFFICIENT");
        assertThat(r.problem().message()).contains("需要7人", "池中符合条件的专家6人");

        // three legal experts do not make a panel of 5 with 2 industry experts plus 1 more legal: the majority
        List<Candidate> legalHeavy = List.of(ind(1, "价格管理"), ind(2, "价格管理"), ind(3, "价格管理"), legal(4), legal(5), legal(6), legal(7));
        r = PanelDraw.draw("seed", legalHeavy, List.of(), 7, price);
        assertThat(r.problem().code()).isEqualTo("EXPERT_INDUSTRY_INSUFFICIENT");

        // four fields, each its own expert, cannot fit a panel of 5 with a legal expert... they can (4+1); five cannot
        List<Candidate> manyFields = new ArrayList<>();
        List<String> five = List.of("价格管理", "能源", "城乡建设", "交通运输", "生态环境");
        for (int i = 0; i < 5; i++) {
            manyFields.add(ind(i + 1, five.get(i)));
        }
        manyFields.add(legal(6));
        r = PanelDraw.draw("seed", manyFields, List.of(), 5, Set.copyOf(five));
        assertThat(r.problem().code()).isEqualTo("EXPERT_FIELDS_EXCEED_PANEL");
        assertThat(PanelDraw.draw("seed", manyFields, List.of(), 6, Set.copyOf(five)).ok()).isTrue();
    }

    @Test
    void aReplacementDrawKeepsThePanelWholeAndTheConstraintsTrue() {
        Random random = new Random(99);
        for (int trial = 0; trial < 1000; trial++) {
            List<Candidate> pool = pool(random, 15 + random.nextInt(25), 0.3);
            Set<String> fields = matterFields(random);
            PanelDraw.Result first = PanelDraw.draw(seed(random), pool, List.of(), 5, fields);
            if (!first.ok()) {
                continue;
            }
            List<Candidate> panel = members(pool, first.drawn());
            // one declines: a replacement is drawn from the rest of the pool, the others kept
            Candidate decliner = panel.get(random.nextInt(panel.size()));
            List<Candidate> kept = panel.stream().filter(c -> c != decliner).toList();
            Set<Long> out = panel.stream().map(Candidate::id).collect(Collectors.toSet());
            List<Candidate> rest = pool.stream().filter(c -> !out.contains(c.id())).toList();
            PanelDraw.Result replacement = PanelDraw.draw(seed(random), rest, kept, 5, fields);
            if (!replacement.ok()) {
                continue;
            }
            assertThat(replacement.drawn()).hasSize(1).doesNotContain(decliner.id());
            List<Candidate> after = new ArrayList<>(kept);
            after.addAll(members(pool, replacement.drawn()));
            assertThat(PanelDraw.check(after, 5, fields)).isEmpty();
        }
    }

    @Test
    void rotationKeepsTheLatestDrawsAndRecentMonthsOut() {
        LocalDate today = LocalDate.of(2026, 6, 30);
        List<PastDraw> history = List.of(
                new PastDraw(LocalDate.of(2026, 6, 1), Set.of(1L, 2L)),
                new PastDraw(LocalDate.of(2026, 5, 1), Set.of(3L)),
                new PastDraw(LocalDate.of(2026, 2, 1), Set.of(4L)),
                new PastDraw(LocalDate.of(2025, 6, 1), Set.of(5L)));
        assertThat(PanelDraw.rotatedOut(history, 2, 0, today)).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(PanelDraw.rotatedOut(history, 0, 6, today)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(PanelDraw.rotatedOut(history, 1, 3, today)).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(PanelDraw.rotatedOut(history, 0, 0, today)).isEmpty();

        // over many draws from a pool of 20 with the two latest draws' experts sitting out, no one is drawn twice running
        List<Candidate> pool = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            pool.add(new Candidate(i, i <= 5 ? Type.LEGAL : Type.INDUSTRY, Set.of("价格管理")));
        }
        List<PastDraw> past = new ArrayList<>();
        Random random = new Random(3);
        for (int n = 0; n < 200; n++) {
            Set<Long> out = PanelDraw.rotatedOut(past, 2, 0, today);
            List<Candidate> eligible = pool.stream().filter(c -> !out.contains(c.id())).toList();
            PanelDraw.Result r = PanelDraw.draw(seed(random), eligible, List.of(), 5, Set.of("价格管理"));
            assertThat(r.ok()).as(String.valueOf(r.problem())).isTrue();
            Set<Long> drawnNow = new HashSet<>(r.drawn());
            if (!past.isEmpty()) {
                assertThat(drawnNow).doesNotContainAnyElementsOf(past.get(0).drawn());
            }
            past.add(0, new PastDraw(today, drawnNow));
        }
    }

    static List<Candidate> members(List<Candidate> pool, List<Long> ids) {
        return ids.stream().map(id -> pool.stream().filter(c -> c.id() == id).findFirst().orElseThrow()).toList();
    }

    static Candidate ind(long id, String field) {
        return new Candidate(id, Type.INDUSTRY, Set.of(field));
    }

    static Candidate legal(long id) {
        return new Candidate(id, Type.LEGAL, Set.of("法律"));
    }
}
