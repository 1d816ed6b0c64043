package cn.juece.workflow;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs an engine act that follows from a person's act, once our own rule check has allowed it, as the engine itself:
 * correlating a stage's message, suspending or moving a step's timers. The person's Camunda grants (TASK_WORK on
 * their steps) do not and should not cover such acts; the act stays in the caller's transaction and is recorded by
 * the caller. The current authentication is put back afterwards.
 */
@Component
public class AsEngine {

    private final IdentityService identity;

    AsEngine(IdentityService identity) {
        this.identity = identity;
    }

    public void run(Runnable act) {
        get(() -> {
            act.run();
            return null;
        });
    }

    public <T> T get(Supplier<T> act) {
        Authentication acting = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return act.get();
        } finally {
            if (acting != null) {
                identity.setAuthentication(acting);
            }
        }
    }
}
