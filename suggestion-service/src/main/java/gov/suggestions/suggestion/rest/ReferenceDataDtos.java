package gov.suggestions.suggestion.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.suggestions.suggestion.domain.CongressBody;
import gov.suggestions.suggestion.domain.CongressKind;
import gov.suggestions.suggestion.domain.CongressSession;
import gov.suggestions.suggestion.domain.Deputy;
import gov.suggestions.suggestion.domain.HandlingUnit;
import gov.suggestions.suggestion.domain.Limits;
import gov.suggestions.suggestion.service.ReferenceDataService;

/** Request and response records of the reference data (congress bodies, handling units, deputies). */
public final class ReferenceDataDtos {

    private ReferenceDataDtos() {
    }

    @Schema(name = "CongressSession", description = "A session of a term, e.g. 第六届人民代表大会第八次会议")
    public record SessionDto(
            @Schema(examples = "6") @NotNull @Min(1) @Max(Limits.TERM) Integer term,
            @Schema(examples = "8") @NotNull @Min(1) @Max(Limits.TERM) Integer session,
            @Schema(examples = "2020") @NotNull @Min(Limits.FIRST_YEAR) @Max(Limits.LAST_YEAR) Integer year,
            @Schema(examples = "第六届人民代表大会第八次会议") @NotBlank @Size(max = Limits.NAME) String name) {

        CongressSession toDomain() {
            return new CongressSession(term, session, year, name);
        }

        static SessionDto of(CongressSession s) {
            return new SessionDto((int) s.term, (int) s.session, (int) s.year, s.name);
        }
    }

    @Schema(name = "CongressBodyRequest")
    public record CongressBodyRequest(
            @Schema(examples = "shenzhen-npc") @NotBlank @Size(max = Limits.CODE) @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}") String code,
            @Schema(examples = "深圳市人民代表大会") @NotBlank @Size(max = Limits.NAME) String name,
            @Schema(description = "NPC (人大) or CPPCC (政协)") @NotNull CongressKind kind,
            @Size(max = Limits.SESSIONS) List<@NotNull @Valid SessionDto> sessions) {

        ReferenceDataService.CongressBodyData toData() {
            return new ReferenceDataService.CongressBodyData(code, name, kind,
                    sessions == null ? List.of() : sessions.stream().map(SessionDto::toDomain).toList());
        }
    }

    @Schema(name = "CongressBody")
    public record CongressBodyResponse(
            @Schema(maxLength = Limits.CODE) String code,
            @Schema(maxLength = Limits.NAME) String name,
            CongressKind kind,
            @Schema(maxItems = Limits.SESSIONS) List<SessionDto> sessions,
            @Schema(description = "Version for optimistic concurrency; also sent as the ETag", minimum = "0", maximum = Limits.LONG_MAX)
            long version) {

        static CongressBodyResponse of(CongressBody b) {
            return new CongressBodyResponse(b.code, b.name, b.kind, b.sessions.stream().map(SessionDto::of).toList(), b.version);
        }
    }

    @Schema(name = "CongressBodyPage")
    public record CongressBodyPage(
            @Schema(maxItems = Limits.PAGE_SIZE) List<CongressBodyResponse> items,
            @Schema(description = "Records over all pages", minimum = "0", maximum = Limits.LONG_MAX) long total,
            @Schema(description = "This page, from 0", minimum = "0", maximum = "" + Limits.LAST_PAGE) int page,
            @Schema(description = "The page size asked for", minimum = "1", maximum = "" + Limits.PAGE_SIZE) int size) {
    }

    @Schema(name = "HandlingUnitRequest")
    public record UnitRequest(
            @Schema(examples = "sz-zsj") @NotBlank @Size(max = Limits.CODE) @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}") String code,
            @Schema(examples = "深圳市政务服务数据管理局") @NotBlank @Size(max = Limits.NAME) String name,
            @Schema(description = "Unified social credit code (统一社会信用代码), 18 characters", examples = "11440300MB2C92413C")
            @NotBlank @Size(min = Limits.CREDIT_CODE, max = Limits.CREDIT_CODE)
            @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}") String unifiedSocialCreditCode) {

        ReferenceDataService.UnitData toData() {
            return new ReferenceDataService.UnitData(code, name, unifiedSocialCreditCode);
        }
    }

    @Schema(name = "HandlingUnit")
    public record UnitResponse(
            @Schema(maxLength = Limits.CODE) String code,
            @Schema(maxLength = Limits.NAME) String name,
            @Schema(description = "Unified social credit code (统一社会信用代码)", minLength = Limits.CREDIT_CODE, maxLength = Limits.CREDIT_CODE)
            String unifiedSocialCreditCode,
            @Schema(description = "Version for optimistic concurrency; also sent as the ETag", minimum = "0", maximum = Limits.LONG_MAX)
            long version) {

        static UnitResponse of(HandlingUnit u) {
            return new UnitResponse(u.code, u.name, u.unifiedSocialCreditCode, u.version);
        }
    }

    @Schema(name = "HandlingUnitPage")
    public record UnitPage(
            @Schema(maxItems = Limits.PAGE_SIZE) List<UnitResponse> items,
            @Schema(description = "Records over all pages", minimum = "0", maximum = Limits.LONG_MAX) long total,
            @Schema(description = "This page, from 0", minimum = "0", maximum = "" + Limits.LAST_PAGE) int page,
            @Schema(description = "The page size asked for", minimum = "1", maximum = "" + Limits.PAGE_SIZE) int size) {
    }

    @Schema(name = "DeputyRequest", description = "A deputy on the roster; phone and e-mail are personal data")
    public record DeputyRequest(
            @Schema(examples = "shenzhen-npc") @NotBlank @Size(max = Limits.CODE) @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}") String congressBody,
            @Schema(examples = "D-0117") @NotBlank @Size(max = Limits.DEPUTY_ID) @Pattern(regexp = "[0-9A-Za-z-]+") String id,
            @Schema(examples = "王某某") @NotBlank @Size(max = Limits.DEPUTY_NAME) String name,
            @Schema(examples = "福田代表团") @Size(max = Limits.DELEGATION) String delegation,
            @Schema(examples = "13800000000") @Size(max = Limits.PHONE) @Pattern(regexp = "[0-9+ -]+") String phone,
            @Schema(examples = "wang@example.org") @Size(max = Limits.EMAIL) @Email String email) {

        ReferenceDataService.DeputyData toData() {
            return new ReferenceDataService.DeputyData(congressBody, id, name, delegation, phone, email);
        }
    }

    @Schema(name = "Deputy")
    public record DeputyResponse(
            @Schema(maxLength = Limits.CODE) String congressBody,
            @Schema(maxLength = Limits.DEPUTY_ID) String id,
            @Schema(maxLength = Limits.DEPUTY_NAME) String name,
            @Schema(maxLength = Limits.DELEGATION) String delegation,
            @Schema(maxLength = Limits.PHONE) String phone,
            @Schema(maxLength = Limits.EMAIL) String email,
            @Schema(description = "Version for optimistic concurrency; also sent as the ETag", minimum = "0", maximum = Limits.LONG_MAX)
            long version) {

        static DeputyResponse of(Deputy d) {
            return new DeputyResponse(d.key.congressBody, d.key.id, d.name, d.delegation, d.phone, d.email, d.version);
        }
    }

    @Schema(name = "DeputyPage")
    public record DeputyPage(
            @Schema(maxItems = Limits.PAGE_SIZE) List<DeputyResponse> items,
            @Schema(description = "Records over all pages", minimum = "0", maximum = Limits.LONG_MAX) long total,
            @Schema(description = "This page, from 0", minimum = "0", maximum = "" + Limits.LAST_PAGE) int page,
            @Schema(description = "The page size asked for", minimum = "1", maximum = "" + Limits.PAGE_SIZE) int size) {
    }

    @Schema(name = "UpsertResult")
    public record UpsertResult(
            @Schema(description = "Records created", minimum = "0", maximum = "" + Limits.BULK) int created,
            @Schema(description = "Records updated", minimum = "0", maximum = "" + Limits.BULK) int updated) {

        static UpsertResult of(ReferenceDataService.Upserted u) {
            return new UpsertResult(u.created(), u.updated());
        }
    }
}
