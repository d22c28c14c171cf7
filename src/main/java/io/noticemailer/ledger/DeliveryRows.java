package io.noticemailer.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.RowMapper;

/** Maps the delivery columns of {@link LedgerSql} to {@link Delivery}. */
final class DeliveryRows implements RowMapper<Delivery> {

    private final FieldsJson json;

    DeliveryRows(FieldsJson json) {
        this.json = json;
    }

    @Override
    public Delivery mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getString("campaign_id"), rs.getString("customer_id"),
                rs.getLong("source_line"), rs.getString("email"), rs.getString("name"), rs.getString("cohort"),
                rs.getString("management_code"), json.read(rs.getString("fields")),
                DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                UtcTimes.fromDb(rs.getObject("created_at", LocalDateTime.class)),
                UtcTimes.fromDb(rs.getObject("retry_since", LocalDateTime.class)), rs.getString("message_id"));
    }
}
