/**
 * The project's own small annotation set for describing models, read by {@code dev.migrate.schema.ModelReader}.
 * Every annotation works on classes and on records (field-level ones target {@code FIELD} and
 * {@code RECORD_COMPONENT}). The Flask-SQLAlchemy equivalents:
 *
 * <pre>
 * class Category(db.Model):                                @Table
 *     category_id = db.Column(db.Integer,                  record Category(
 *                   primary_key=True, autoincrement=True)      &#64;Id Integer categoryId,
 *     title = db.Column(db.String(80))                         &#64;Column(length = 80) String title,
 *     slug = db.Column(db.String, unique=True)                 &#64;Column(unique = true) String slug) {}
 * </pre>
 *
 * Every non-static field (record component) is a column unless it is {@link dev.migrate.schema.annotation.Transient}
 * or has the {@code transient} modifier; {@link dev.migrate.schema.annotation.Column} is needed only to say more.
 */
package dev.migrate.schema.annotation;
