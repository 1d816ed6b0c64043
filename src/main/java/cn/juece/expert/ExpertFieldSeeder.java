package cn.juece.expert;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Start-up, after the organisation (10) and the calendar (20), before the demo (30): the managed list of fields (专业领域) from {@code juece.expert.fields} when the database has none yet;
 * afterwards administrators keep it on /admin/experts (DECISIONS.md 15: the database is the truth).
 */
@Component
@Order(25)
class ExpertFieldSeeder implements ApplicationRunner {

    private final ExpertPool pool;
    private final List<String> fields;

    ExpertFieldSeeder(ExpertPool pool, @Value("${juece.expert.fields:}") List<String> fields) {
        this.pool = pool;
        this.fields = fields;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> names = fields.stream().filter(s -> s != null && !s.isBlank()).toList();
        if (!names.isEmpty()) {
            pool.seedFields(names);
        }
    }
}
