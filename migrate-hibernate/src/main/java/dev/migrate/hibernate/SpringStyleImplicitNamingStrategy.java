package dev.migrate.hibernate;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;

/**
 * Spring Boot's default implicit naming ({@code SpringImplicitNamingStrategy}) without Spring on the class path:
 * JPA's rules, except that a join table is named after the owning table and the attribute ({@code owners_pets}),
 * not after both entities. The Spring layer passes Boot's own class; this one serves everything else.
 */
public class SpringStyleImplicitNamingStrategy extends ImplicitNamingStrategyJpaCompliantImpl {

    @Override
    public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
        String name = source.getOwningPhysicalTableName() + "_" + source.getAssociationOwningAttributePath().getProperty();
        return toIdentifier(name, source.getBuildingContext());
    }
}
