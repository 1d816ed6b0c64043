package bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The start-up benchmark's baseline: a bare Spring Boot + Camunda 7 application (webapps and REST, H2)
 * with none of Juece's code. Lives outside cn.juece so that Juece's component scan never sees it.
 */
@SpringBootApplication
public class BareCamundaApp {

    public static void main(String[] args) {
        SpringApplication.run(BareCamundaApp.class, args);
    }
}
