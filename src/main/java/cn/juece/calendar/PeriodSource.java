package cn.juece.calendar;

import java.util.List;

/** Where the period table is read from: the database, or a test's list. */
@FunctionalInterface
public interface PeriodSource {

    List<StatutoryPeriod> loadPeriods();
}
