package cn.juece.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.juece.dossier.MaterialService;
import cn.juece.dossier.MaterialType;

/** What the demo seeders do in a person's name: act as them, and upload a placeholder material of a type. */
final class DemoActs {

    private DemoActs() {
    }

    static <T> T as(String user, Supplier<T> act) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
        try {
            return act.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static void upload(MaterialService materials, String decisionNumber, String user, MaterialType type) {
        as(user, () -> materials.upload(decisionNumber, type, null, type.label() + "（演示）.txt", "text/plain",
                ("（演示材料）" + type.label()).getBytes(StandardCharsets.UTF_8), null));
    }
}
