package cn.juece.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.juece.workflow.Gates;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGates;

/** Stage 2, launch (Art. 11, 12). Recording the organ's reason is a setting, on by default. */
@Component
class LaunchGates implements StageGates {

    private final boolean reasonRequired;
    private final LaunchService launch;

    LaunchGates(@Value("${juece.rules.launch-reason-required:true}") boolean reasonRequired, LaunchService launch) {
        this.reasonRequired = reasonRequired;
        this.launch = launch;
    }

    @Override
    public List<StageGate> gates() {
        List<StageGate> gates = new ArrayList<>();
        if (reasonRequired) {
            gates.add(Gates.reason("launch-decide", "第十一条",
                    "写明决定启动或不启动的理由及依据（会议纪要编号或领导批示）"));
        }
        gates.add(Gates.rule("launch-decide", Set.of("LAUNCH"), "第十二条", "LEAD_UNIT_NOT_NAMED",
                "两个以上单位承办的，明确牵头决策承办单位",
                ctx -> launch.leadNamed(ctx.decision()),
                "该事项有两个以上决策承办单位，决策机关应当明确牵头决策承办单位（第十二条）。请先在决策案卷的“决策承办单位”中明确牵头单位，再决定启动。"));
        return gates;
    }
}
