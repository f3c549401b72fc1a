package dev.migrate.autogenerate;

import dev.migrate.dialect.Dialect;
import dev.migrate.op.AddForeignKey;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.Table;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The order in which a set of tables can be created (and, backwards, dropped): every table after the tables its
 * foreign keys refer to, ties by name. Tables whose foreign keys form a cycle cannot all come after each other:
 * the cycle is broken at its first table by name (of the cycles that wait for no other table first), and that
 * table's keys into the cycle are created with it only where the dialect cannot add a foreign key later (SQLite,
 * which does not look for the referred table at CREATE TABLE anyway); elsewhere (PostgreSQL, which does) they are left out of {@code tables} and added once all tables
 * exist, as {@code laterKeys}, the way SQLAlchemy's {@code create_all} uses ALTER for the keys of a cycle.
 * Dropping goes the other way round: the later keys first, then the tables in reverse order. A table's key to
 * itself never waits. {@code inlineCycles} says that a key closing a cycle stayed in its CREATE TABLE.
 */
record CreationOrder(List<Table> tables, List<AddForeignKey> laterKeys, boolean inlineCycles) {

    CreationOrder {
        tables = List.copyOf(tables);
        laterKeys = List.copyOf(laterKeys);
    }

    static CreationOrder of(Collection<Table> tables, Dialect dialect) {
        Map<String, Table> remaining = new TreeMap<>();
        tables.forEach(table -> remaining.put(table.name(), table));
        Map<String, Set<String>> parents = new TreeMap<>();
        remaining.values().forEach(table -> parents.put(table.name(), parents(table, remaining.keySet())));
        Map<String, Integer> cycle = components(parents);
        List<Table> ordered = new ArrayList<>();
        List<AddForeignKey> laterKeys = new ArrayList<>();
        boolean inlineCycles = false;
        while (!remaining.isEmpty()) {
            Table next = remaining.values().stream()
                    .filter(table -> parents.get(table.name()).stream().noneMatch(remaining::containsKey))
                    .findFirst()
                    .orElseGet(() -> cycleStart(remaining, parents, cycle));
            remaining.remove(next.name());
            List<ForeignKey> inline = new ArrayList<>();
            for (ForeignKey key : next.foreignKeys()) {
                AddForeignKey later = new AddForeignKey(next.name(), key);
                boolean closesCycle = remaining.containsKey(key.referredTable());
                if (closesCycle && dialect.supports(later)) {
                    laterKeys.add(later);
                } else {
                    inline.add(key);
                    inlineCycles |= closesCycle;
                }
            }
            ordered.add(inline.size() == next.foreignKeys().size() ? next : next.withForeignKeys(inline));
        }
        return new CreationOrder(ordered, laterKeys, inlineCycles);
    }

    /** The other tables of the set that {@code table} refers to. */
    private static Set<String> parents(Table table, Set<String> names) {
        Set<String> parents = new TreeSet<>();
        for (ForeignKey key : table.foreignKeys()) {
            if (!key.referredTable().equals(table.name()) && names.contains(key.referredTable())) {
                parents.add(key.referredTable());
            }
        }
        return parents;
    }

    /**
     * Where to break a cycle when every remaining table waits for another: the first table by name of a cycle
     * that waits for nothing outside itself (one always exists), so that no key of a table that merely refers
     * into a cycle, nor of a cycle waiting for another cycle, is taken out of its CREATE TABLE.
     */
    private static Table cycleStart(Map<String, Table> remaining, Map<String, Set<String>> parents,
                                    Map<String, Integer> cycle) {
        Set<Integer> waitingOutside = new HashSet<>();
        for (String name : remaining.keySet()) {
            for (String parent : parents.get(name)) {
                if (remaining.containsKey(parent) && !cycle.get(parent).equals(cycle.get(name))) {
                    waitingOutside.add(cycle.get(name));
                }
            }
        }
        return remaining.values().stream().filter(table -> !waitingOutside.contains(cycle.get(table.name())))
                .findFirst().orElseThrow();
    }

    /**
     * Tarjan's strongly connected components, without recursion (a long chain of tables must not exhaust the
     * stack): tables in one cycle, directly or through others, get the same number.
     */
    private static Map<String, Integer> components(Map<String, Set<String>> parents) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Map<String, Integer> component = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        for (String root : parents.keySet()) {
            if (index.containsKey(root)) {
                continue;
            }
            Deque<String> path = new ArrayDeque<>();
            Deque<Iterator<String>> next = new ArrayDeque<>();
            visit(root, index, low, stack, path, next, parents);
            while (!path.isEmpty()) {
                String node = path.peek();
                if (next.peek().hasNext()) {
                    String parent = next.peek().next();
                    if (!index.containsKey(parent)) {
                        visit(parent, index, low, stack, path, next, parents);
                    } else if (!component.containsKey(parent)) {
                        // visited and in no component yet: still on the stack, so in the cycle being walked
                        low.put(node, Math.min(low.get(node), index.get(parent)));
                    }
                    continue;
                }
                path.pop();
                next.pop();
                if (!path.isEmpty()) {
                    low.put(path.peek(), Math.min(low.get(path.peek()), low.get(node)));
                }
                if (low.get(node).equals(index.get(node))) {
                    String member;
                    do {
                        member = stack.pop();
                        component.put(member, index.get(node));
                    } while (!member.equals(node));
                }
            }
        }
        return component;
    }

    private static void visit(String node, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
                              Deque<String> path, Deque<Iterator<String>> next, Map<String, Set<String>> parents) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        path.push(node);
        next.push(parents.get(node).iterator());
    }
}
