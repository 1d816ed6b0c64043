package cn.juece.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.juece.document.TemplateText;
import cn.juece.identity.Organ;

/** Where the minutes (会议纪要, Art. 50) say the collective discussion was held, and who explained its legality review. */
class MinutesPlaceTest {

    private static final Organ COUNTY = new Organ("GX", "冠县人民政府", "冠县", "bgs", "sfj");
    private static final Organ TOWNSHIP = new Organ("QQ", "清泉街道办事处", "清泉街道", "qqdzb", "qqsfs");

    private static MeetingRecords.Meeting meeting(String organ, String place) {
        return new MeetingRecords.Meeting(1, organ, MeetingRecords.Kind.EXECUTIVE, "第1次常务会议", LocalDate.of(2026, 12, 4), place, "bgs_chen");
    }

    @Test
    void theRecordedPlaceIsWrittenAsRecorded() {
        assertThat(MeetingRecords.placeOf(meeting("QQ", "街道办事处三楼会议室"), TOWNSHIP)).isEqualTo("街道办事处三楼会议室");
    }

    @Test
    void withoutARecordedPlaceTheOrgansOwnMeetingRoomIsNamedNeverTheCountys() {
        // Art. 64: a township deciding by reference meets at its own seat
        assertThat(MeetingRecords.placeOf(meeting("QQ", null), TOWNSHIP)).isEqualTo("清泉街道办事处会议室");
        assertThat(MeetingRecords.placeOf(meeting("QQ", "  "), TOWNSHIP)).isEqualTo("清泉街道办事处会议室");
        assertThat(MeetingRecords.placeOf(meeting("GX", null), COUNTY)).isEqualTo("冠县人民政府会议室");
    }

    @Test
    void theDefaultMinutesNameTheOrgansOwnLegalityReviewerNeverTheCountysJusticeBureau() throws Exception {
        // Art. 50 item 1, by reference (Art. 64): a township's meeting hears its own 司法所
        String template = Files.readString(Path.of("config/documents/meeting-minutes.txt"));
        Map<String, Object> v = new HashMap<>();
        v.put("organName", TOWNSHIP.name());
        v.put("justiceUnit", "清泉街道司法所");
        v.put("place", MeetingRecords.placeOf(meeting("QQ", null), TOWNSHIP));
        v.put("views", List.of());
        String minutes = TemplateText.render(template, v);
        assertThat(minutes).contains("# 二、清泉街道司法所作合法性审查情况说明", "在清泉街道办事处会议室召开").doesNotContain("县司法局");
    }
}
