package gov.suggestions.notification.rest;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.suggestions.notification.domain.Channel;
import gov.suggestions.notification.service.StaffRecipientService;

@Schema(description = "A member of staff who receives notices")
public record StaffRecipientRequest(
        @Schema(description = "The token subject (upn) the person signs in with") @NotBlank @Size(max = 200) String username,
        @NotBlank @Size(max = 100) String name,
        @Schema(description = "Unit code; for congress office staff the congress body code", examples = "sz-zsj")
        @NotNull @Size(max = 40) @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}") String unitCode,
        @Schema(description = "Roles that decide which rules reach the person", examples = "[\"unit-office\"]")
        @NotEmpty @Size(max = 7) List<@NotNull @Size(max = 20) @Pattern(regexp = "congress-office|gov-supervisor|unit-office|unit-leader|handler") String> roles,
        @Email @Size(max = 254) String email,
        @Size(max = 21) @Pattern(regexp = "\\+?[0-9]{6,20}") String mobile,
        @Schema(description = "Language of the person's notices, zh-CN by default") @Size(max = 5) @Pattern(regexp = "zh-CN|en") String locale,
        @Schema(description = "Channels the person wants (the inbox always gets the notice); empty or absent: every channel of the rule",
                examples = "[\"EMAIL\"]")
        @Size(max = 4) List<@NotNull Channel> preferredChannels) {

    StaffRecipientService.StaffData toData() {
        return new StaffRecipientService.StaffData(username, name, unitCode, roles.stream().distinct().toList(), email, mobile, locale,
                preferredChannels == null ? List.of() : preferredChannels.stream().distinct().map(Channel::name).toList());
    }
}
