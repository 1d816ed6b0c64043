package cn.juece.calendar;

/**
 * One statutory period of the rule, a row of juece.statutory_period (seeded from config/periods.yaml).
 *
 * @param code         stable code used by BPMN (period:CODE), rule checks and the dossier
 * @param nameZh       Chinese name shown to people
 * @param length       N
 * @param unit         calendar days or working days
 * @param kind         minimum, deadline, or "N days before" an event
 * @param strictness   一般 (general, may be shortened with a recorded reason) or strict
 * @param publicWindow a public window accepts input through 23:59:59 of its last day, so it may close only
 *                     on the day after (DECISIONS.md 11); a work step may close on its last day
 * @param article      where the rule sets it (第N条)
 * @param countedFrom  from which act the period is counted, in Chinese
 */
public record StatutoryPeriod(String code, String nameZh, int length, PeriodUnit unit, PeriodKind kind,
                              Strictness strictness, boolean publicWindow, String article, String countedFrom) {

    /** e.g. "不少于30日", "3个工作日内", "7日前". */
    public String describe() {
        String n = length + unit.label();
        return switch (kind) {
            case MINIMUM -> (strictness == Strictness.GENERAL ? "一般不少于" : "不少于") + n;
            case DEADLINE -> n + "内";
            case BEFORE_EVENT -> n + "前";
        };
    }
}
