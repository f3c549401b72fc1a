package dev.migrate.hibernate.features;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * A LOB: {@code oid} on PostgreSQL, {@code blob} on SQLite. Its own entity because the SQLite JDBC driver cannot
 * hand a LOB to Hibernate ({@code getBlob} is "not implemented"), so only PostgreSQL reads it back.
 */
@Entity
@Table(name = "attachments")
public class Attachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Lob
    private byte[] content;

    protected Attachment() {
    }

    public Attachment(byte[] content) {
        this.content = content;
    }

    public byte[] getContent() {
        return content;
    }
}
