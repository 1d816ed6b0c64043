package cn.juece;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Juece (决策): the major administrative decision procedure (重大行政决策程序) on Camunda 7.
 * All times are Asia/Shanghai (DECISIONS.md 11), whatever zone the machine runs in.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class JueceApplication {

    public static final String ZONE_ID = "Asia/Shanghai";

    public static void main(String[] args) {
        TimeZone.setDefault(TimeZone.getTimeZone(ZONE_ID));
        SpringApplication.run(JueceApplication.class, args);
    }
}
