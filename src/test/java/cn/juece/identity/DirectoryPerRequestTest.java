package cn.juece.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.juece.IntegrationTest;
import cn.juece.support.RequestMemo;

/**
 * Issue 17: within one request the acting person and their groups are read once (RequestMemo); the next request, and
 * any work outside a request (the job executor), sees a change of membership at once. The members of an organ's groups
 * come from one query per group and are the people whose own groups contain one of them.
 */
class DirectoryPerRequestTest extends IntegrationTest {

    @Autowired
    private Directory directory;
    @Autowired
    private IdentityService identity;

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
        if (identity.createGroupQuery().groupMember("zjj_sun").groupId(Groups.unit("fgj")).count() > 0) {
            identity.deleteMembership("zjj_sun", Groups.unit("fgj"));
        }
    }

    @Test
    void aRequestReadsThePersonOnceTheNextRequestSeesTheChange() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        Actor before = directory.actor("zjj_sun");
        assertThat(before.groups()).doesNotContain(Groups.unit("fgj"));

        identity.createMembership("zjj_sun", Groups.unit("fgj"));
        // the same request: as it was when first read
        assertThat(directory.actor("zjj_sun")).isSameAs(before);
        assertThat(directory.groupsOf("zjj_sun")).doesNotContain(Groups.unit("fgj"));
        // a write that knows it changed them makes the request read again
        RequestMemo.forget("groups:zjj_sun");
        RequestMemo.forget("actor:zjj_sun");
        assertThat(directory.actor("zjj_sun").groups()).contains(Groups.unit("fgj"));

        // the next request reads afresh
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        identity.deleteMembership("zjj_sun", Groups.unit("fgj"));
        assertThat(directory.actor("zjj_sun").groups()).doesNotContain(Groups.unit("fgj"));
    }

    @Test
    void outsideARequestEveryCallReadsAfresh() {
        RequestContextHolder.resetRequestAttributes();
        assertThat(directory.groupsOf("zjj_sun")).doesNotContain(Groups.unit("fgj"));
        identity.createMembership("zjj_sun", Groups.unit("fgj"));
        assertThat(directory.groupsOf("zjj_sun")).contains(Groups.unit("fgj"));
        assertThat(directory.actor("zjj_sun").groups()).contains(Groups.unit("fgj"));
    }

    @Test
    void peopleInGroupsAreThoseWhoseGroupsContainOne() {
        for (List<String> groups : List.of(List.of(Groups.members("GX"), Groups.executiveHead("GX")), List.of(Groups.unit("fgj")),
                List.of(Groups.unit("sfj"), Groups.unit("zjj")), List.of("no-such-group"))) {
            List<Person> expected = directory.people().stream()
                    .filter(p -> directory.groupsOf(p.id()).stream().anyMatch(groups::contains)).toList();
            assertThat(directory.peopleIn(groups)).as(groups.toString()).containsExactlyElementsOf(expected);
        }
        assertThat(directory.peopleIn(List.of(Groups.members("GX"), Groups.executiveHead("GX"))))
                .extracting(Person::id).contains("fxz_li", "fxz_zhao", "fxz_qian");
    }

    @Test
    void theOrganisationIsReadOncePerRequestAndWhatIsMissingIsAskedAgain() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        assertThat(directory.organ("GX")).isSameAs(directory.organ("GX"));
        assertThat(directory.unit("fgj")).isSameAs(directory.unit("fgj"));
        assertThat(directory.organs()).isSameAs(directory.organs());
        assertThat(directory.units("GX")).isSameAs(directory.units("GX")).extracting(OrgUnit::code).contains("fgj", "sfj");
        Actor sun = directory.actor("zjj_sun");
        assertThat(directory.organsOf(sun)).isSameAs(directory.organsOf(sun)).contains("GX");
        // an unknown code is refused each time, not remembered as missing
        assertThatThrownBy(() -> directory.unit("no-such-unit")).hasMessageContaining("单位不存在");
        assertThat(directory.unitName("no-such-unit")).isEqualTo("no-such-unit");
        // the next request reads afresh
        Organ first = directory.organ("GX");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        assertThat(directory.organ("GX")).isNotSameAs(first).isEqualTo(first);
    }

    @Autowired
    private OrganisationRepository organisation;

    /**
     * Art. 64: the organs a person's groups put them in, read in one query: the organs of their units and the organs whose
     * organ-wide groups (decision organ, executive head, members; any case) they are in; a group only named like one is none.
     */
    @Test
    void theOrgansOfGroupsAreTheirUnitsOrgansAndTheOrgansWhoseOrganWideGroupsTheyAre() {
        assertThat(organisation.organsOfGroups(List.of("fgj"))).containsExactly("GX");
        assertThat(organisation.organsOfGroups(List.of("qqsfs"))).containsExactly("QQ");
        assertThat(organisation.organsOfGroups(List.of(Groups.decisionOrgan("GX")))).containsExactly("GX");
        assertThat(organisation.organsOfGroups(List.of(Groups.executiveHead("QQ")))).containsExactly("QQ");
        assertThat(organisation.organsOfGroups(List.of("GX-MEMBERS"))).containsExactly("GX");
        assertThat(organisation.organsOfGroups(List.of("sfj", Groups.members("QQ"), "fgj"))).containsExactly("GX", "QQ");
        assertThat(organisation.organsOfGroups(List.of("zz-head", "-organ", "no-such-unit"))).isEmpty();
        assertThat(organisation.organsOfGroups(List.of())).isEmpty();
    }

    /** The acting person and their unit are one read; the unit is then known to the rest of the request. */
    @Test
    void theActorsUnitIsReadWithThePerson() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        Actor wang = directory.actor("fgj_wang");
        assertThat(wang.unitCode()).isEqualTo("fgj");
        assertThat(wang.unitName()).isEqualTo("县发展和改革局");
        assertThat(directory.unit("fgj")).isSameAs(directory.unit("fgj")).extracting(OrgUnit::organCode).isEqualTo("GX");
        assertThat(organisation.personWithUnit("fgj_wang")).get().extracting(OrganisationRepository.PersonInUnit::unit)
                .extracting(OrgUnit::name).isEqualTo("县发展和改革局");
        assertThat(organisation.personWithUnit("no-such-person")).isEmpty();
    }
}
