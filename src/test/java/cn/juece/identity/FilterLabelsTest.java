package cn.juece.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.juece.IntegrationTest;

/**
 * Every Tasklist filter shows the decision's number and title on each card (issue 11): the seeded ones from the
 * first start, any other (an older database's, one made in Tasklist) from the next start, ahead of its own.
 */
class FilterLabelsTest extends IntegrationTest {

    @Autowired
    private FilterService filters;
    @Autowired
    private TaskService tasks;
    @Autowired
    private OrganisationSeeder seeder;

    @Test
    void theSeededFiltersShowNumberAndTitle() {
        for (Filter f : filters.createTaskFilterQuery().list()) {
            assertThat(names(f)).as(f.getName()).startsWith("decisionNumber", "decisionTitle");
        }
        assertThat(filters.createTaskFilterQuery().count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aFilterWithoutThemGetsThemAtStartUpOnceKeepingItsOwn() {
        Filter f = filters.newTaskFilter("测试：无决策编号的过滤器");
        f.setOwner("admin");
        f.setQuery(tasks.createTaskQuery());
        f.setProperties(Map.of("color", "#123456", "variables", List.of(Map.of("name", "amount", "label", "金额"))));
        filters.saveFilter(f);
        try {
            seeder.run(null);
            Filter after = filters.getFilter(f.getId());
            assertThat(names(after)).containsExactly("decisionNumber", "decisionTitle", "amount");
            assertThat(after.getProperties()).containsEntry("color", "#123456");
            seeder.run(null);
            assertThat(names(filters.getFilter(f.getId()))).containsExactly("decisionNumber", "decisionTitle", "amount");
        } finally {
            filters.deleteFilter(f.getId());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(Filter f) {
        return ((List<Map<String, Object>>) f.getProperties().get("variables")).stream()
                .map(v -> String.valueOf(v.get("name"))).toList();
    }
}
