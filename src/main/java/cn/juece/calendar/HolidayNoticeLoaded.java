package cn.juece.calendar;

/**
 * Published (synchronously, in the administrator's transaction) when a year's holiday arrangement is loaded or
 * changed on /admin/calendar or PUT /api/calendar/{year}; the working-day calendar already counts with it. Whatever
 * was counted provisionally over that year (issue 16) is recomputed by its owner: the steps' periods
 * (cn.juece.deadline) and the public comment windows (cn.juece.participation).
 *
 * @param year   the year whose arrangement was loaded
 * @param source the notice it comes from, as cited in the audit trail
 * @param actor  who loaded it (the administrator, or the system when a release ships the year's file)
 */
public record HolidayNoticeLoaded(int year, String source, cn.juece.identity.Actor actor) {
}
