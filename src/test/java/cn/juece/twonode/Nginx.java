package cn.juece.twonode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Debian's nginx in front of the nodes, started by the test on loopback as an unprivileged listener (a free port
 * above 1024, its files in a directory of its own). The configuration is the one the README gives for several nodes
 * ("Deploying on PostgreSQL with several nodes behind nginx"), with the test's ports and paths.
 */
final class Nginx {

    static final Path BINARY = Path.of("/usr/sbin/nginx");

    final int port;
    final Path dir;
    private Process process;

    Nginx(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** The configuration: every node an upstream server, nginx the trusted proxy that names the client and the request. */
    static String config(Path dir, int port, List<Integer> nodes) {
        String servers = nodes.stream().map(p -> "        server 127.0.0.1:" + p + " max_fails=1 fail_timeout=10s;")
                .collect(Collectors.joining("\n"));
        return """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log info;
                events { worker_connections 1024; }
                http {
                    log_format juece '$request_id $remote_addr "$request" $status $upstream_addr "$upstream_status" $request_time';
                    access_log %1$s/access.log juece;
                    client_body_temp_path %1$s/tmp/client_body;
                    proxy_temp_path %1$s/tmp/proxy;
                    fastcgi_temp_path %1$s/tmp/fastcgi;
                    uwsgi_temp_path %1$s/tmp/uwsgi;
                    scgi_temp_path %1$s/tmp/scgi;
                    # above juece.upload.max-size: the application refuses an oversize upload in Chinese itself
                    client_max_body_size 210m;

                    # A signed-in browser keeps to one node (its session lives there): no Authorization header and not
                    # the portal. Programs with HTTP Basic and the anonymous portal (no session) spread over the nodes.
                    map "$http_authorization|$uri" $juece_balance {
                        "~^\\|/public/"  $request_id;
                        "~^\\|"          $remote_addr;
                        default         $request_id;
                    }
                    upstream juece {
                        hash $juece_balance consistent;
                %2$s
                        keepalive 32;
                    }
                    server {
                        listen 127.0.0.1:%3$d;
                        location / {
                            proxy_pass http://juece;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $http_host;
                            # nginx is the edge: the client is the connection's address, never a header it sent
                            # (juece.portal.rate-limit.trusted-proxies names nginx's address, DECISIONS.md 21)
                            proxy_set_header X-Forwarded-For $remote_addr;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            # one id per request, in nginx's access log and in the node's log lines (monitoring.RequestLogContext)
                            proxy_set_header X-Request-Id $request_id;
                            # a node that is down or starting: the next one. A POST already sent is never sent twice.
                            proxy_next_upstream error timeout http_502 http_503 http_504;
                            proxy_next_upstream_tries 2;
                            proxy_connect_timeout 2s;
                            proxy_read_timeout 300s;
                        }
                    }
                }
                """.formatted(dir, servers, port);
    }

    void start(List<Integer> nodes) throws Exception {
        Files.createDirectories(dir);
        for (String t : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            Path p = Files.createDirectories(dir.resolve("tmp").resolve(t));
            // as root nginx's workers run as nobody: they write request bodies here
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        Files.setPosixFilePermissions(dir.resolve("tmp"), PosixFilePermissions.fromString("rwxrwxrwx"));
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, config(dir, port, nodes), StandardCharsets.UTF_8);
        var check = new ProcessBuilder(BINARY.toString(), "-t", "-p", dir.toString(), "-c", conf.toString(), "-e",
                dir.resolve("error.log").toString()).redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (check.waitFor() != 0) {
            throw new AssertionError("nginx -t refused the configuration:\n" + out + "\n" + config(dir, port, nodes));
        }
        process = new ProcessBuilder(BINARY.toString(), "-p", dir.toString(), "-c", conf.toString(), "-e",
                dir.resolve("error.log").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        long until = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new AssertionError("nginx exited: " + Files.readString(dir.resolve("stdout.log")) + read("error.log"));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("nginx not listening on " + port);
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    String read(String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
