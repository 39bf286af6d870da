package pk.registry.sharing.dci;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import pk.registry.sharing.Answer;
import pk.registry.sharing.AnswerField;
import tools.jackson.databind.node.ObjectNode;

/**
 * An answer as a DCI record and the entries of a {@code SearchResponse}. The record holds exactly
 * the answer's fields, under DCI-style names: {@code eligible}, {@code score_band},
 * {@code group_size}, {@code district}, {@code masked_identifier}
 * ({@code {"identifier_type": "CNIC", "identifier_value": "35202-*******-1"}}), {@code registered};
 * a value unknown for an unregistered person is {@code null}, so registered and unregistered
 * persons get the same keys.
 */
final class AnswerRecords {

    static final String VERSION = "1.0.0";
    static final String REG_TYPE = "ns:pk:RegistryType:Social";
    static final String RECORD_TYPE = "ns:pk:RegistryRecordType:EligibilityAnswer";

    private static final Map<AnswerField, String> NAMES = Map.of(AnswerField.ELIGIBLE, "eligible",
            AnswerField.SCORE_BAND, "score_band", AnswerField.HOUSEHOLD_SIZE, "group_size", AnswerField.DISTRICT, "district",
            AnswerField.MASKED_CNIC, "masked_identifier", AnswerField.REGISTERED, "registered");

    private AnswerRecords() {
    }

    /** The DCI name of an answer field. */
    static String nameOf(AnswerField field) {
        return NAMES.get(field);
    }

    /** The answer as one record. */
    static ObjectNode recordOf(Answer answer) {
        ObjectNode record = Json.object();
        answer.fields().forEach((field, value) -> put(record, field, value));
        return record;
    }

    /** A search response entry that answers: {@code data} holds the one record. */
    static ObjectNode answered(String referenceId, Instant at, Answer answer) {
        ObjectNode entry = entry(referenceId, at, "succ");
        ObjectNode data = data();
        data.putArray("reg_records").add(recordOf(answer));
        entry.set("data", data);
        return entry;
    }

    /** A search response entry that is rejected, with the standard's reason code if one fits, and why. */
    static ObjectNode rejected(String referenceId, Instant at, @Nullable String reasonCode, String message) {
        ObjectNode entry = entry(referenceId, at, "rjct");
        if (reasonCode != null) {
            entry.put("status_reason_code", reasonCode);
        }
        entry.put("status_reason_message", message);
        return entry;
    }

    /** {@code data}'s fixed part: version, registry type and record type. */
    static ObjectNode data() {
        ObjectNode data = Json.object();
        data.put("version", VERSION);
        data.put("reg_type", REG_TYPE);
        data.put("reg_record_type", RECORD_TYPE);
        return data;
    }

    private static ObjectNode entry(String referenceId, Instant at, String status) {
        ObjectNode entry = Json.object();
        entry.put("reference_id", referenceId);
        entry.put("timestamp", Json.timestamp(at));
        entry.put("status", status);
        return entry;
    }

    private static void put(ObjectNode record, AnswerField field, @Nullable Object value) {
        String name = nameOf(field);
        if (value == null) {
            record.putNull(name);
        }
        else if (field == AnswerField.MASKED_CNIC) {
            ObjectNode identifier = record.putObject(name);
            identifier.put("identifier_type", "CNIC");
            identifier.put("identifier_value", value.toString());
        }
        else if (value instanceof Boolean flag) {
            record.put(name, flag);
        }
        else if (value instanceof Integer number) {
            record.put(name, number);
        }
        else {
            record.put(name, value.toString());
        }
    }
}
