package cn.juece.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A day one deciding organ counts differently from the national calendar (issue 15, Art. 64): a local rest day
 * (e.g. 自治县成立纪念日, by the county's regulation) or a locally adjusted working day. Only that organ's matters
 * count it.
 *
 * @param reason the ground, e.g. the local regulation or notice that sets the day
 */
public record OrganDay(String organCode, LocalDate date, DayKind kind, String reason, String enteredBy,
                       OffsetDateTime enteredAt) {
}
