package dev.almanac.domain.calendar;

import java.util.EnumSet;
import java.util.Set;

/**
 * A role an account holds on a calendar, and the permissions it grants. Only the owner exists today; sharing
 * adds roles such as reader and writer here, each with its own permission set, and nothing else changes shape.
 */
public enum CalendarRole {
    OWNER(EnumSet.allOf(CalendarPermission.class));

    private final Set<CalendarPermission> permissions;

    CalendarRole(Set<CalendarPermission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public boolean grants(CalendarPermission permission) {
        return permissions.contains(permission);
    }
}
