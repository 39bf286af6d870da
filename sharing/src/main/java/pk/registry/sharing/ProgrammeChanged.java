package pk.registry.sharing;

/**
 * A programme was created or changed (its model version, its cut-off): what its partners were
 * told about households may no longer hold.
 *
 * @param programme the programme's code
 */
public record ProgrammeChanged(String programme) {
}
