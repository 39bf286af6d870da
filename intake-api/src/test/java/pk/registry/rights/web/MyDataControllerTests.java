package pk.registry.rights.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static pk.registry.http.ProblemAssertions.assertProblem;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import pk.registry.household.HouseholdStatus;
import pk.registry.http.Callers;
import pk.registry.http.WebSlice;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.HouseholdOwnership;
import pk.registry.kernel.Role;
import pk.registry.rights.CorrectionStatus;
import pk.registry.rights.DataExport;
import pk.registry.rights.HouseholdExport;

/** The export of an applicant's own household, with the rights module mocked. */
@WebMvcTest(MyDataController.class)
@WebSlice
class MyDataControllerTests {

    private static final String MOBILE = "+923001234567";
    private static final Actor APPLICANT = new Actor(MOBILE, Role.APPLICANT, Set.of(), null);
    private static final HouseholdId HOUSEHOLD = HouseholdId.newId();

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    DataExport export;

    @MockitoBean
    HouseholdOwnership ownership;

    @BeforeEach
    void applicantOwnsAHousehold() {
        given(ownership.requireHouseholdOf(any())).willCallRealMethod();
        given(ownership.householdOf(APPLICANT)).willReturn(Optional.of(HOUSEHOLD));
    }

    @Test
    void theExportIsOneJsonDocumentThatIsNeverCached() {
        given(export.export(APPLICANT, HOUSEHOLD)).willReturn(new HouseholdExport(HouseholdExport.FORMAT, RightsSamples.AT,
                HOUSEHOLD, HouseholdStatus.SUBMITTED, RightsSamples.AT, RightsSamples.form("Lahore"), null, List.of(),
                List.of(), List.of(RightsSamples.correction(HOUSEHOLD, CorrectionStatus.PENDING, null)), List.of(),
                List.of(RightsSamples.complaint(HOUSEHOLD, null)), List.of()));

        MvcTestResult result = mvc.get().uri("/api/v1/me/data").with(Callers.applicant(MOBILE)).exchange();

        assertThat(result).hasStatusOk().hasContentType("application/json").bodyJson().isLenientlyEqualTo("""
                {"format":"registry-household-export/1","household":"%s","status":"SUBMITTED",
                 "application":{"district":"Lahore","members":[{"fullName":"Muhammad Aslam"}]},
                 "corrections":[{"field":"rooms"}],"annotations":[],"complaints":[{"reference":"C-2026-7KQ3M9XD"}],
                 "consents":[],"disclosures":[],"erasureRequests":[]}""".formatted(HOUSEHOLD));
        assertThat(result.getResponse().getHeader("Cache-Control")).contains("no-store");
    }

    @Test
    void anApplicantWithoutAHouseholdIsToldSo() {
        given(ownership.householdOf(APPLICANT)).willReturn(Optional.empty());

        assertProblem(mvc.get().uri("/api/v1/me/data").with(Callers.applicant(MOBILE)).exchange(), HttpStatus.NOT_FOUND);
        verifyNoInteractions(export);
    }
}
