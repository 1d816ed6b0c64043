package cn.juece.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.juece.support.AppClock;

/**
 * The demo profile's catalogue: this year's catalogue compiled, confirmed, approved and published, one item
 * registered as a decision. Runs after the demo decisions (DemoSeeder runs only on an empty dossier): those
 * were launched before the catalogue was in force and so appear as change requests on the catalogue page.
 */
@Component
@Order(35)
@ConditionalOnProperty(name = "juece.demo.enabled", havingValue = "true")
class CatalogueDemoSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogueDemoSeeder.class);

    private final CatalogueService catalogues;
    private final AppClock clock;

    CatalogueDemoSeeder(CatalogueService catalogues, AppClock clock) {
        this.catalogues = catalogues;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int year = clock.today().getYear();
        if (catalogues.find(year).isPresent()) {
            return;
        }
        String key = as("sfj_liu", () -> catalogues.create(year).key());
        as("sfj_liu", () -> {
            catalogues.addItem(key, new ItemForm("县城公共停车场收费标准调整", "fgj", List.of("zjj"),
                    "《中华人民共和国价格法》第二十三条；《山东省定价目录》", "第二季度", true, true, null, null));
            catalogues.addItem(key, new ItemForm("县域农村生活污水治理专项规划（2026—2030年）", "zrj", List.of(),
                    "《中华人民共和国水污染防治法》第五十二条", "第三季度", false, false, null, null));
            catalogues.addItem(key, new ItemForm("清泉街道历史文化街区保护利用方案", "qqjd", List.of("zrj", "zjj"),
                    "《历史文化名城名镇名村保护条例》", "11月", true, false, null, null));
            return null;
        });
        step(key, "catalogue-compile", "sfj_liu", "SUBMITTED", null);
        step(key, "catalogue-confirm", "bgs_chen", "CONFIRMED", "县政府第2次常务会议确认");
        LocalDate approved = LocalDate.of(year, 1, 8).isAfter(clock.today()) ? clock.today() : LocalDate.of(year, 1, 8);
        as("sfj_liu", () -> catalogues.recordPartyApproval(key, approved, "冠发〔" + year + "〕3号"));
        step(key, "catalogue-publish", "sfj_liu", "PUBLISHED", "县政府网站重大行政决策专栏");
        as("bgs_chen", () -> catalogues.launchFromItem(key, catalogues.items(catalogues.get(key)).get(0).id()));
        log.info("Demo catalogue {} seeded", key);
    }

    private void step(String key, String taskKey, String user, String outcome, String reason) {
        as(user, () -> {
            var step = catalogues.openSteps(catalogues.get(key)).stream().filter(s -> s.taskKey().equals(taskKey))
                    .findFirst().orElseThrow(() -> new IllegalStateException("demo: no open step " + taskKey));
            catalogues.completeStep(key, step.id(), outcome, reason);
            return null;
        });
    }

    private <T> T as(String user, Supplier<T> act) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
        try {
            return act.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
