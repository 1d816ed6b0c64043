package cn.juece.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.support.JsonApi;
import cn.juece.support.RuleViolation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * An account locked after repeated wrong passwords ({@link SignInGuard}) unlocks by itself after
 * {@code juece.security.lockout.duration}; an administrator who has confirmed with the person that it was them can
 * unlock it at once. Audited.
 */
@RestController
@JsonApi
@RequestMapping("/api/accounts")
@Tag(name = "账号", description = "连续输错密码后的账号锁定：查询与解除（系统管理员）")
class AccountLockApi {

    private final SignInGuard guard;
    private final Directory directory;
    private final IdentityService identity;

    AccountLockApi(SignInGuard guard, Directory directory, IdentityService identity) {
        this.guard = guard;
        this.directory = directory;
        this.identity = identity;
    }

    @GetMapping("/{userId}/lock")
    @Operation(summary = "账号是否因连续输错密码被锁定，锁定到何时")
    Map<String, Object> lock(@PathVariable String userId) {
        requireAdminAndAccount(userId);
        return state(userId);
    }

    @DeleteMapping("/{userId}/lock")
    @Operation(summary = "立即解除账号的登录锁定（不改变密码）")
    Map<String, Object> unlock(@PathVariable String userId) {
        Actor admin = requireAdminAndAccount(userId);
        guard.unlock(userId, admin);
        return state(userId);
    }

    private Map<String, Object> state(String userId) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("userId", userId);
        var until = guard.lockedUntil(userId);
        result.put("locked", until.isPresent());
        result.put("lockedUntil", until.orElse(null));
        return result;
    }

    private Actor requireAdminAndAccount(String userId) {
        Actor actor = directory.currentActor();
        if (!actor.groups().contains(Groups.ADMIN)) {
            throw RuleViolation.forbidden("ACCOUNT_ADMIN_ONLY", "只有系统管理员可以查询或解除账号锁定。");
        }
        if (identity.createUserQuery().userId(userId).count() == 0) {
            throw RuleViolation.notFound("ACCOUNT_NOT_FOUND", "没有用户名为 " + userId + " 的账号。");
        }
        return actor;
    }
}
