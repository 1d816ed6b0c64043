package cn.juece.support;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.beans.BeanUtils;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Maps a row to a record by its components' snake_case column names ({@code decisionId} from {@code decision_id}).
 * <p>
 * Spring's record mappers ({@code JdbcClient.query(SomeRecord.class)}, {@code DataClassRowMapper}) ask the result
 * for each camelCase name first and take the snake_case name only after the driver has thrown a
 * {@link SQLException}: one exception (with its stack and, on PostgreSQL, its formatted message) per multi-word
 * column and row. A JFR profile of the clerk's work list on PostgreSQL put 4.5 % of its request time in those
 * exceptions (issue 17). This mapper asks for the snake_case name only, and a column that is missing is an error at
 * once, as with Spring's.
 */
public final class RecordRows<T> implements RowMapper<T> {

    private static final ClassValue<RecordRows<?>> MAPPERS = new ClassValue<>() {
        @Override
        protected RecordRows<?> computeValue(Class<?> type) {
            return new RecordRows<>(type);
        }
    };

    private static final ConversionService CONVERSION = DefaultConversionService.getSharedInstance();

    private final Constructor<T> constructor;
    private final String[] columns;
    private final Class<?>[] types;

    private RecordRows(Class<T> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record");
        }
        RecordComponent[] components = type.getRecordComponents();
        columns = new String[components.length];
        types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            columns[i] = JdbcUtils.convertPropertyNameToUnderscoreName(components[i].getName());
            types[i] = components[i].getType();
        }
        try {
            constructor = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type + " has no canonical constructor", e);
        }
    }

    /** The mapper of this record type (one per type, thread-safe). */
    @SuppressWarnings("unchecked")
    public static <T> RowMapper<T> of(Class<T> type) {
        return (RowMapper<T>) MAPPERS.get(type);
    }

    @Override
    public T mapRow(ResultSet rs, int rowNum) throws SQLException {
        Object[] args = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            Class<?> type = types[i];
            Object value = JdbcUtils.getResultSetValue(rs, rs.findColumn(columns[i]), type);
            if (value != null && !type.isPrimitive() && !type.isInstance(value)) {
                value = CONVERSION.convert(value, type);
            }
            if (value instanceof java.time.OffsetDateTime t) {
                // the county's clock: PostgreSQL's driver returns every timestamptz at UTC, which a page would show 8 h early
                value = t.atZoneSameInstant(AppClock.ZONE).toOffsetDateTime();
            }
            args[i] = value;
        }
        return BeanUtils.instantiateClass(constructor, args);
    }
}
