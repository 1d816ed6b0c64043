package cn.juece.launch;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.juece.workflow.Gates;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGates;

/** Stage 2, launch (Art. 11, 12). Recording the organ's reason is a setting, on by default. */
@Component
class LaunchGates implements StageGates {

    private final boolean reasonRequired;

    LaunchGates(@Value("${juece.rules.launch-reason-required:true}") boolean reasonRequired) {
        this.reasonRequired = reasonRequired;
    }

    @Override
    public List<StageGate> gates() {
        List<StageGate> gates = new ArrayList<>();
        if (reasonRequired) {
            gates.add(Gates.reason("launch-decide", "第十一条",
                    "写明决定启动或不启动的理由及依据（会议纪要编号或领导批示）"));
        }
        return gates;
    }
}
