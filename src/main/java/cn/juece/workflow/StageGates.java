package cn.juece.workflow;

import java.util.List;

/**
 * A feature's contribution to the registry of stage gates: each stage's package declares its own checks
 * as a bean of this type, without editing another stage (DECISIONS.md 8).
 */
public interface StageGates {

    List<StageGate> gates();
}
