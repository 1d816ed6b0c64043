package cn.juece.execution;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.juece.dossier.MaterialType;
import cn.juece.workflow.Gates;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGates;

/** Stage 10, execution (Art. 53-55, 58): reports, problems, and a legal ground to stop or change. */
@Component
class ExecutionGates implements StageGates {

    @Override
    public List<StageGate> gates() {
        return List.of(
                Gates.material("execution-report", MaterialType.EXECUTION_REPORT, "COMPLETED"),
                Gates.reason("execution-report", "第五十四条", "说明执行中发现的问题、客观情况变化或不可抗力", "PROBLEM"),
                Gates.reason("execution-adjust", "第五十五条", "写明决定的法定依据和理由"),
                Gates.reason("execution-suspended", "第五十五条", "写明恢复或停止执行的理由"));
    }
}
