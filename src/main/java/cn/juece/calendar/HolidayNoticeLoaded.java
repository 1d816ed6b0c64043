package cn.juece.calendar;

import java.time.LocalDate;

/**
 * Published (synchronously, in the administrator's transaction) when a year's holiday arrangement is loaded or
 * changed on /admin/calendar or PUT /api/calendar/{year}; the working-day calendar already counts with it. Whatever
 * was counted provisionally over that year (issue 16) is recomputed by its owner: the steps' periods
 * (cn.juece.deadline) and the public comment windows (cn.juece.participation).
 * <p>
 * Also published when an administrator adds or removes one deciding organ's own rest day or adjusted working day
 * (issue 15, Art. 64): then {@code organ} and {@code day} are set, and what is recomputed is what of that organ's
 * matters is open and counted over that day ({@link #concerns}), whether provisional or not.
 *
 * @param year   the year whose arrangement was loaded (the day's year, for an organ's day)
 * @param source the notice it comes from, as cited in the audit trail (for an organ's day: its ground)
 * @param actor  who loaded it (the administrator, or the system when a release ships the year's file)
 * @param organ  the organ whose own day changed; null for the national arrangement
 * @param day    the organ's day that changed; null for the national arrangement
 */
public record HolidayNoticeLoaded(int year, String source, cn.juece.identity.Actor actor, String organ, LocalDate day) {

    public HolidayNoticeLoaded(int year, String source, cn.juece.identity.Actor actor) {
        this(year, source, actor, null, null);
    }

    /** Whether it is one organ's own day that changed (not a year's national arrangement). */
    public boolean isOrganDay() {
        return organ != null && day != null;
    }

    /**
     * For an organ's day: whether dates of a matter of {@code organCode} counted from {@code start} through {@code last}
     * can depend on the day (it lies after the start, on or before the last day counted; a rest day added on the last
     * day moves it, one removed before it too).
     */
    public boolean concerns(String organCode, LocalDate start, LocalDate last) {
        return isOrganDay() && organ.equals(organCode) && start != null && last != null && day.isAfter(start)
                && !day.isAfter(last);
    }

    /** How the audit entry names what the dates were recomputed by: "2027年节假日安排" or "清泉街道2027年5月1日的本地休息日". */
    public String basis() {
        if (!isOrganDay()) {
            return year + "年节假日安排";
        }
        return organ + "本机关日历调整（" + day + "）";
    }
}
