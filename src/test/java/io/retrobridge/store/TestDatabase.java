package io.retrobridge.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** The databases the store runs on; each call gives a new, empty database of that kind. */
enum TestDatabase {

    H2 {
        @Override
        HikariDataSource createEmpty() {
            return pool("jdbc:h2:mem:store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa");
        }

        @Override
        void drop(HikariDataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP ALL OBJECTS");
            }
            dataSource.close();
        }
    },

    POSTGRES {
        @Override
        HikariDataSource createEmpty() throws SQLException {
            String name = "store_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection admin = SharedPostgres.instance().getPostgresDatabase().getConnection();
                 Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            return pool(SharedPostgres.instance().getJdbcUrl("postgres", name), "postgres");
        }

        @Override
        void drop(HikariDataSource dataSource) throws SQLException {
            String name = dataSource.getJdbcUrl().replaceAll(".*/([a-z0-9_]+).*", "$1");
            dataSource.close();
            try (Connection admin = SharedPostgres.instance().getPostgresDatabase().getConnection();
                 Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    };

    abstract HikariDataSource createEmpty() throws SQLException;

    abstract void drop(HikariDataSource dataSource) throws SQLException;

    private static HikariDataSource pool(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(0);
        config.setPoolName("store-test");
        return new HikariDataSource(config);
    }
}
