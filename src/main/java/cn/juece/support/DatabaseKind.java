package cn.juece.support;

import java.sql.Connection;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/** Which database the application runs on, for the few statements whose safe form differs (upserts under races). */
@Component
public class DatabaseKind {

    private final DataSource dataSource;
    private volatile Boolean postgres;

    DatabaseKind(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean isPostgres() {
        if (postgres == null) {
            Connection con = DataSourceUtils.getConnection(dataSource);
            try {
                postgres = con.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            } finally {
                DataSourceUtils.releaseConnection(con, dataSource);
            }
        }
        return postgres;
    }
}
