package cn.juece.planner;

import java.time.LocalDate;

/**
 * One step of a decision's plan on the way to the meeting (集体讨论决定).
 *
 * @param step      stable code (DRAFTING, COMMENT_WINDOW, HEARING, EXPERT_RESEARCH, RISK, LEGALITY_REVIEW,
 *                  LEGALITY_SUPPLEMENT, PARTICIPATION, MEETING)
 * @param name      Chinese name as the rule writes it
 * @param branch    the parallel branch (公众参与 / 专家论证 / 风险评估) or null on the main line
 * @param article   where the rule sets the minimum, or null
 * @param start     the day of the act that starts it (not counted, 民法典 第201条)
 * @param end       the first day the step may close (a public window: the day after its last day)
 * @param minimum   the minimum as the period table describes it ("一般不少于30日"), or "无法定最短期限"
 * @param critical  whether the step lies on the path that decides the earliest meeting date
 * @param done      whether the step is finished (its actual dates)
 * @param pausedDays working days of pauses already taken (Art. 42, 44), included in {@code end}
 * @param note      what the dates mean, e.g. "征求意见截止：2024年10月21日24时"
 */
public record PlanSegment(String step, String name, String branch, String article, LocalDate start, LocalDate end,
                          String minimum, boolean critical, boolean done, int pausedDays, String note) {

    PlanSegment critical(boolean c) {
        return new PlanSegment(step, name, branch, article, start, end, minimum, c, done, pausedDays, note);
    }

    /** 已完成 / 进行中或计划. */
    public String state() {
        return done ? "DONE" : "PLANNED";
    }

    public String stateLabel() {
        return done ? "已完成（实际日期）" : "计划";
    }
}
