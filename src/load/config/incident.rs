//! Reader of `[incident]`'s personal-data keys, from which the reminder of the
//! reports owed to the regulator is counted.

use chrono::FixedOffset;

use super::raw::RawIncident;
use super::reader::Reader;
use crate::base::time;
use crate::model::config::PersonalData;
use crate::msg;

/// Reads `[incident]`'s `personal_data`, `aware_on` and `wrongful_act`: `aware_on`
/// is required with `personal_data = true` (the deadlines count from it), and the
/// other two mean nothing without it, so they are refused rather than ignored.
pub(super) fn personal_data(
    raw: &RawIncident,
    zone: FixedOffset,
    r: &mut Reader,
) -> Option<PersonalData> {
    let declared = raw.personal_data.as_ref().is_some_and(|p| *p.get_ref());
    let aware_on = raw.aware_on.as_ref().and_then(|value| {
        time::parse_when_value(value.get_ref(), zone)
            .map_err(|m| r.problem(value.span(), super::invalid("incident.aware_on", m)))
            .ok()
            .map(|when| (when, r.line(value.span())))
    });
    if !declared {
        if let Some(value) = &raw.aware_on {
            r.problem(value.span(), msg!("config-aware-on-alone"));
        }
        if let Some(value) = raw.wrongful_act.as_ref().filter(|w| *w.get_ref()) {
            r.problem(value.span(), msg!("config-wrongful-act-alone"));
        }
        return None;
    }
    if raw.aware_on.is_none()
        && let Some(value) = &raw.personal_data
    {
        r.problem(value.span(), msg!("config-aware-on-missing"));
    }
    let (aware_on, line) = aware_on?;
    Some(PersonalData {
        aware_on,
        line,
        wrongful_act: raw.wrongful_act.as_ref().is_some_and(|w| *w.get_ref()),
    })
}
