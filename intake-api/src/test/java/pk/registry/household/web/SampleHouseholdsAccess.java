package pk.registry.household.web;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Lets tests of other features build sample applications. */
public final class SampleHouseholdsAccess {

    private SampleHouseholdsAccess() {
    }

    public static ObjectNode application(JsonMapper json, String mobile) {
        return SampleHouseholds.application(json, "Lahore", mobile);
    }
}
