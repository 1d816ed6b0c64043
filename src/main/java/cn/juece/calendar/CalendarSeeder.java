package cn.juece.calendar;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.identity.Actor;
import cn.juece.support.AppClock;

/**
 * Start-up: writes the years of config/holidays/*.yaml and the periods of config/periods.yaml that the
 * database does not have yet (on first start: all of them). What the database has is never overwritten:
 * afterwards it is the truth, changed on the admin page and through /api (DECISIONS.md 15). A new release
 * that ships the next year's file thus adds that year, and an administrator's correction stays.
 */
@Component
@Order(20)
class CalendarSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CalendarSeeder.class);

    private final CalendarRepository calendarRepository;
    private final PeriodRepository periodRepository;
    private final WorkingDayCalendar calendar;
    private final Periods periods;
    private final AuditTrail audit;
    private final AppClock clock;
    private final TransactionTemplate tx;
    private final org.springframework.context.ApplicationEventPublisher events;

    CalendarSeeder(CalendarRepository calendarRepository, PeriodRepository periodRepository, WorkingDayCalendar calendar,
                   Periods periods, AuditTrail audit, AppClock clock, TransactionTemplate tx,
                   org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.calendarRepository = calendarRepository;
        this.periodRepository = periodRepository;
        this.calendar = calendar;
        this.periods = periods;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> loaded = new ArrayList<>();
        for (HolidayYear y : HolidayFiles.fromClasspath()) {
            if (calendarRepository.exists(y.year())) {
                continue;
            }
            try {
                tx.executeWithoutResult(status -> {
                    var claimed = calendarRepository.claimedByOtherYears(y.year(), y.days().stream().map(CalendarDay::date).toList());
                    if (!claimed.isEmpty()) {
                        throw new IllegalStateException("days already set by another year: " + claimed);
                    }
                    calendarRepository.replace(y, Actor.SYSTEM_ID, clock.now());
                    audit.record(Actor.system(), null, null, AuditAction.CALENDAR_SEEDED,
                            "载入" + y.year() + "年节假日安排（config/holidays/" + y.year() + ".yaml）：" + y.source()
                                    + "；休息日" + y.restDayCount() + "天，调休上班日" + y.workDayCount() + "天");
                });
                loaded.add(String.valueOf(y.year()));
            } catch (RuntimeException e) {
                log.error("config/holidays/{}.yaml not loaded: {}", y.year(), e.getMessage());
            }
        }
        List<String> added = new ArrayList<>();
        tx.executeWithoutResult(status -> {
            List<String> names = new ArrayList<>();
            for (StatutoryPeriod p : PeriodFile.fromClasspath()) {
                if (!periodRepository.exists(p.code())) {
                    periodRepository.insert(p);
                    added.add(p.code());
                    names.add(p.nameZh());
                }
            }
            if (!added.isEmpty()) {
                // People read the trail: the periods by their Chinese names, as the admin page lists them.
                audit.record(Actor.system(), null, null, AuditAction.CALENDAR_SEEDED,
                        "载入法定期限表（config/periods.yaml）：" + String.join("、", names));
            }
        });
        calendar.reload();
        periods.reload();
        // issue 16: a year a release ships recomputes what was counted provisionally over it, as an administrator's
        // load does (CalendarService#replace)
        for (String y : loaded) {
            HolidayYear year = calendarRepository.year(Integer.parseInt(y)).orElseThrow();
            tx.executeWithoutResult(status -> events.publishEvent(
                    new HolidayNoticeLoaded(year.year(), year.source(), Actor.system())));
        }
        if (!loaded.isEmpty() || !added.isEmpty()) {
            log.info("Seeded holiday years {} and statutory periods {}", loaded, added);
        }
    }
}
