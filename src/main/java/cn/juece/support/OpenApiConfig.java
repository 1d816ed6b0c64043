package cn.juece.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI description of /api, served at /v3/api-docs (Swagger UI at /swagger-ui.html). */
@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI jueceApi() {
        return new OpenAPI()
                .info(new Info().title("Juece 重大行政决策程序 API").version("1")
                        .description("""
                                重大行政决策全过程的应用接口。认证：HTTP Basic（与任务列表相同的用户名和密码）。\
                                每个拒绝都返回 4xx 和 JSON：{"code": "稳定的错误代码", "message": "中文说明"}，且不写入任何内容。"""))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
