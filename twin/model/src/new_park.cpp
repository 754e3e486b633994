#include "parktwin/model/new_park.hpp"

namespace parktwin::model {

Park newPark() {
  Park park;
  park.id = "new-park";
  park.name = {"新园区", "New park"};  // the file's data in both languages, not window text
  park.latitude_deg = 29.56;  // Chongqing, like the bundled parks; the editor or the CLI moves it
  park.longitude_deg = 106.55;
  park.land_area_mu = 100;
  park.grid_emission_t_per_mwh = 0.5703;  // China's national grid average, 2022 (MEE)
  return park;
}

}  // namespace parktwin::model
