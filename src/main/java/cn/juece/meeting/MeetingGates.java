package cn.juece.meeting;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.juece.dossier.MaterialType;
import cn.juece.workflow.Gates;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGates;

/**
 * Stage 8, collective decision (Art. 48-51). The engine lets no draft reach the meeting without a passed
 * legality review; here the Art. 49 materials and the meeting record (each member's view, Art. 50).
 */
@Component
class MeetingGates implements StageGates {

    @Override
    public List<StageGate> gates() {
        return List.of(
                Gates.material("meeting-submit", MaterialType.MEETING_REQUEST),
                Gates.onFile("meeting-submit", MaterialType.LEGALITY_OPINION),
                Gates.material("meeting-decide", MaterialType.MEETING_MINUTES),
                Gates.reason("meeting-decide", "第五十条", "写明会议名称、届次和决定情况（行政首长的决定与多数人意见不一致的，应当说明理由）"),
                Gates.reason("meeting-revise", "第五十条", "说明按会议意见修改的情况"));
    }
}
