package cn.juece.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import cn.juece.portal.PublicPortal;

/**
 * A test fixture on the test classpath only (never in the jar): a staff page and a portal page that fail as a bug
 * would, with an exception whose text must never reach a person, so that the tests can see the 500 pages.
 */
final class FailingPages {

    static final String SECRET = "NullPointerException at cn.juece.Secret.leak(Secret.java:42)";

    private FailingPages() {
    }

    @Controller
    @StaffPage
    static class Staff {
        @GetMapping("/test-fixture/failure")
        String fail() {
            throw new IllegalStateException(SECRET);
        }
    }

    @Controller
    @PublicPortal
    static class Portal {
        @GetMapping("/public/test-fixture/failure")
        String fail() {
            throw new IllegalStateException(SECRET);
        }
    }
}
