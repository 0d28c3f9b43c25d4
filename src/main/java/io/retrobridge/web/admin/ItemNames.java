package io.retrobridge.web.admin;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.flow.items.ItemLookup;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The admin views' way to the item a caller names ({@code system} and {@code id}: a Jira key or id, a
 * ServiceNow number or sys_id), with the refusals they share: a 400 for a system that does not exist, a 404
 * with the reason for an item RetroBridge has no history for.
 */
@Component
class ItemNames {

    private final ItemLookup lookup;

    ItemNames(ItemLookup lookup) {
        this.lookup = lookup;
    }

    ItemLookup.KnownItem known(String system, String id) {
        ExternalSystem side = system(system);
        ItemLookup.Result result;
        try {
            result = lookup.find(side, id);
        } catch (IllegalArgumentException e) {
            throw BadAdminRequestException.badRequest(e.getMessage());
        }
        if (result instanceof ItemLookup.Unknown unknown) {
            throw BadAdminRequestException.notFound("unknown item: " + unknown.reason());
        }
        return ((ItemLookup.Found) result).item();
    }

    static String name(ExternalSystem system) {
        return system.name().toLowerCase(Locale.ROOT);
    }

    static ExternalSystem system(String name) {
        return Arrays.stream(ExternalSystem.values())
                .filter(system -> system.name().equalsIgnoreCase(name.strip()))
                .findFirst()
                .orElseThrow(() -> BadAdminRequestException.badRequest("system '" + shorten(name)
                        + "' is not known; use one of: " + String.join(", ",
                        Arrays.stream(ExternalSystem.values()).map(ItemNames::name).toList()) + "."));
    }

    static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }
}
