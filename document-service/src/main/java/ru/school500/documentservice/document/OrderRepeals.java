package ru.school500.documentservice.document;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.school500.documentservice.security.CurrentUser;
import ru.school500.documentservice.web.Problems;

/** Supersession between orders: an order repeals («признать утратившими силу») earlier orders of its region. */
@Repository
class OrderRepeals {

    private final DocumentRepository documents;
    private final JdbcClient jdbc;

    OrderRepeals(DocumentRepository documents, JdbcClient jdbc) {
        this.documents = documents;
        this.jdbc = jdbc;
    }

    /** Replaces what {@code order} repeals; each repealed order must be an order of the caller's region. */
    void replace(CurrentUser user, Document order, List<UUID> repeals) {
        for (UUID repealed : repeals) {
            Document earlier = documents.findById(repealed)
                    .filter(d -> d.getType() == DocumentType.ORDER && user.belongsTo(d.getRegion()))
                    .orElseThrow(() -> Problems.invalidFields(Map.of("repeals",
                            "Отменять можно распоряжения своего региона: " + repealed)));
            if (earlier.getId().equals(order.getId())) {
                throw Problems.invalidFields(Map.of("repeals", "Распоряжение не может отменять само себя"));
            }
        }
        jdbc.sql("delete from order_repeal where order_id = ?").param(order.getId()).update();
        for (UUID repealed : repeals) {
            jdbc.sql("insert into order_repeal (order_id, repealed_order_id) values (?, ?)")
                    .params(order.getId(), repealed).update();
        }
    }

    /** The orders {@code orderId} repeals. */
    List<UUID> repealedOrders(UUID orderId) {
        return jdbc.sql("select repealed_order_id from order_repeal where order_id = ?")
                .param(orderId).query(UUID.class).list();
    }

    /** The orders that repeal {@code orderId}. */
    List<UUID> repealingOrders(UUID orderId) {
        return jdbc.sql("select order_id from order_repeal where repealed_order_id = ?")
                .param(orderId).query(UUID.class).list();
    }
}
