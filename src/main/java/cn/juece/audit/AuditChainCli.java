package cn.juece.audit;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Verifies every audit chain of a Juece database from the command line, without the application: one line per
 * chain, then a summary; exits 0 when every chain is intact, 1 when any is broken, 2 when it cannot check.
 *
 * <pre>
 *   AuditChainCli [jdbc-url [user [password]]]      (else JUECE_DB_URL, JUECE_DB_USER, JUECE_DB_PASSWORD)
 * </pre>
 * An embedded H2 file ({@code jdbc:h2:file:./data/juece}) must not be open in a running application at the
 * time. The connection is read-only; any role that may read {@code juece.audit_entry} will do. See the README,
 * "Audit chain".
 */
public final class AuditChainCli {

    static final int INTACT = 0;
    static final int BROKEN = 1;
    static final int CANNOT_CHECK = 2;

    private AuditChainCli() {
    }

    public static void main(String[] args) {
        // Java 17 writes System.out in the platform charset (ASCII in a bare POSIX locale): say UTF-8 explicitly
        var out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        var err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, System.getenv(), out, err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length > 0 && (args[0].equals("-h") || args[0].equals("--help"))) {
            out.println("用法：AuditChainCli [JDBC地址 [用户名 [密码]]]（或环境变量 JUECE_DB_URL、JUECE_DB_USER、JUECE_DB_PASSWORD）");
            out.println("例如：jdbc:h2:file:./data/juece;IFEXISTS=TRUE sa \"\"（应用须先停止），jdbc:postgresql://127.0.0.1:5432/juece juece_app 密码");
            return INTACT;
        }
        String url = arg(args, 0, env.get("JUECE_DB_URL"));
        String user = arg(args, 1, env.getOrDefault("JUECE_DB_USER", ""));
        String password = arg(args, 2, env.getOrDefault("JUECE_DB_PASSWORD", ""));
        if (url == null || url.isBlank()) {
            err.println("未指定数据库：请给出 JDBC 地址（参数或环境变量 JUECE_DB_URL）。用 --help 查看用法。");
            return CANNOT_CHECK;
        }
        List<ChainReport> reports;
        try (Connection con = DriverManager.getConnection(url, user, password)) {
            con.setReadOnly(true);
            con.setAutoCommit(false); // PostgreSQL streams rows (fetch size) only inside a transaction
            try {
                reports = AuditChainCheck.verifyAll(con);
            } finally {
                con.rollback();
            }
        } catch (SQLException e) {
            err.println("无法校验：" + e.getMessage());
            return CANNOT_CHECK;
        }
        long broken = 0;
        long entries = 0;
        for (ChainReport r : reports) {
            entries += r.entries();
            if (!r.intact()) {
                broken++;
            }
            out.println((r.intact() ? "完整" : "损坏") + "\t" + r.chain() + "\t" + r.describe()
                    + (r.intact() && r.lastHash() != null ? "\t末条哈希 " + r.lastHash() : "")
                    + (r.intact() ? "" : "\t[" + r.firstBroken().code() + "]"));
        }
        out.println("共" + reports.size() + "条链、" + entries + "条记录：" + (broken == 0 ? "全部完整" : broken + "条链发现问题"));
        return broken == 0 ? INTACT : BROKEN;
    }

    private static String arg(String[] args, int i, String fallback) {
        return args.length > i ? args[i] : fallback;
    }
}
